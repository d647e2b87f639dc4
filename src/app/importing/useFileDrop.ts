/** Dropping a file anywhere on the stage imports it; the stage shows that it will. */
import { useState, type DragEvent } from 'react';
import { importFile } from '../../store/importing.ts';

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

export function useFileDrop() {
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      onDragLeave: (e: DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) void importFile(file);
      },
    },
  };
}
