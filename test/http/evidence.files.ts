/** Evidence files made by hand for the tests: a tiny but well-formed PDF, and a program disguised as one. */

/**
 * A one-page PDF written out by hand, with a correct cross-reference table (byte offsets counted here), so any
 * reader opens it.
 */
export function tinyPdf(text = '忻州市公办幼儿园建设进度'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
  ];
  // The text goes in as a comment-free stream of hex: PDF needs no font to store it, only to show it.
  const stream = `% ${Buffer.from(text).toString('hex')}\n`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}endstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** The start of a Windows program (the MZ header and its DOS stub), as an .exe renamed .pdf carries it. */
export function windowsProgram(): Uint8Array {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
  bytes.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 0x4e);
  return bytes;
}
