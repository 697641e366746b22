// Draws an SVG picture (written in Rust: src/html/picture.rs) on a canvas and downloads it as
// PNG — the browser's own rasteriser, no server. Kept in JS because it is nothing but browser
// calls with two callbacks: the same through web-sys costs ~2.5 KB of wasm, this 0.1 KB.
// `done(message)` is told what happened, in a reader's words.
export function downloadPng(svg, width, height, name, done) {
  const img = new Image(width, height);
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').drawImage(img, 0, 0, width, height);
    canvas.toBlob((blob) => {
      if (!blob) return done(`${name}: this browser could not encode the picture as PNG; the SVG works everywhere.`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      done(`${name} downloaded (${width} × ${height} px).`);
    }, 'image/png');
  };
  img.onerror = () => done(`${name}: this browser could not draw the picture; the SVG works everywhere.`);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
