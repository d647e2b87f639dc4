/** Saving what an export made as a file in the browser's downloads. */
export function download(fileName: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An SVG drawn at `scale` into a PNG (2x by default), on white or transparent. */
export async function svgToPng(svg: string, background: 'white' | 'transparent', scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the picture could not be drawn'));
      image.src = url;
    });
    const width = Math.round(image.naturalWidth * scale);
    const height = Math.round(image.naturalHeight * scale);
    // Browsers refuse canvases beyond about 16k pixels a side (and 268M pixels in all).
    if (width > 16_384 || height > 16_384 || width * height > 200_000_000)
      throw new Error(`the picture would be ${width} × ${height} pixels, too big for a PNG; export an SVG instead`);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('this browser cannot draw the picture');
    if (background === 'white') {
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, width, height);
    }
    g.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
