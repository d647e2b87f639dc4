/** Share links carry the design in the address's fragment, `#share=…` (see shareLink.ts, loaded when needed). */
export const isShareFragment = (hash: string): boolean => hash.startsWith('#share=');
