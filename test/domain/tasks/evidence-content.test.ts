/** Evidence files are told by their content: the accepted formats in, anything else out, whatever its name. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectEvidence } from '../../../src/domain/tasks/evidence-content.ts';
import { tinyPdf, windowsProgram } from '../../http/evidence.files.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

describe('evidence content', () => {
  it('takes a PDF, a Word document and an Excel workbook', async () => {
    expect(detectEvidence(tinyPdf())).toMatchObject({ format: 'pdf', contentType: 'application/pdf' });
    expect(detectEvidence(fixture('000_cb1b58f4760fbe36.docx')).format).toBe('docx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('进度').addRow(['幼儿园', 12]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(detectEvidence(xlsx)).toMatchObject({
      format: 'xlsx',
      contentType: expect.stringContaining('spreadsheetml') as unknown,
    });
  });

  it('takes PNG and JPEG images and UTF-8 text', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(detectEvidence(png).format).toBe('png');
    expect(detectEvidence(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])).format).toBe('jpeg');
    const text = detectEvidence(new TextEncoder().encode('2024年新建公办幼儿园22所。\r\n\t附：名单'));
    expect(text).toMatchObject({ format: 'text', contentType: 'text/plain; charset=utf-8' });
  });

  it('refuses a program, a cut-short PDF, an old Office file, GB18030 text and an empty file, saying what it is', () => {
    expect(detectEvidence(windowsProgram())).toMatchObject({ format: null, found: { zh: '可执行程序' } });
    const pdf = tinyPdf();
    expect(detectEvidence(pdf.subarray(0, pdf.length - 10))).toMatchObject({
      format: null,
      found: { en: expect.stringContaining('%%EOF') as unknown },
    });
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(detectEvidence(doc).format).toBeNull();
    // "教育" in GB18030: readable in a Chinese editor, but it would be served as UTF-8 and show as mojibake.
    expect(detectEvidence(Uint8Array.from([0xbd, 0xcc, 0xd3, 0xfd])).format).toBeNull();
    expect(detectEvidence(new Uint8Array(0))).toMatchObject({ format: null, found: { zh: '空文件' } });
  });
});
