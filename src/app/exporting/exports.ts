/** What the Export menu offers; each item returns a sentence when it cannot be done. */
export interface ExportItem {
  label: string;
  note: string;
  run(): Promise<string | undefined>;
}

export const EXPORTS: ExportItem[] = [];
