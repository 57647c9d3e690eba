/** Decompression bombs and oversized tables are refused before they are parsed (issue 13). */
import { describe, expect, it } from 'vitest';
import { MAX_ROWS, SpreadsheetTooLargeError, readTable, readTableOrProblem } from '../../src/reports/spreadsheet.ts';
import { inspectZip } from '../../src/reports/zip-guard.ts';
import { deflatedSheet, zipOf } from '../support/zip-bomb.ts';

const limits = { maxUncompressedBytes: 64 * 1024 * 1024, maxRows: 50_000 };

describe('spreadsheet limits', () => {
  it('refuses an XLSX of 2 000 000 rows (under 300 KB) from its zip directory, without unpacking it', async () => {
    const bomb = zipOf([await deflatedSheet(2_000_000)]);
    expect(bomb.length).toBeLessThan(400_000);
    expect(await inspectZip(bomb, limits)).toEqual({ ok: false, reason: 'bytes' });
    await expect(readTable(bomb, 'bombe.xlsx')).rejects.toThrow(SpreadsheetTooLargeError);
    await expect(readTable(bomb, 'bombe.xlsx')).rejects.toThrow('Excel-filen «bombe.xlsx» blir for stor når den pakkes ut (over 64 MB)');
  });

  it('refuses a zip whose directory understates the unpacked size, by counting rows while inflating', async () => {
    const liar = zipOf([await deflatedSheet(2_000_000)], { claimedSize: 1000 });
    expect(await inspectZip(liar, limits)).toEqual({ ok: false, reason: 'rows' });
    await expect(readTable(liar, 'lure.xlsx')).rejects.toThrow('Regnearket «lure.xlsx» har mer enn 50\u00a0000 rader');
  });

  it('allows 50 000 rows and refuses 50 001', async () => {
    expect(await inspectZip(zipOf([await deflatedSheet(MAX_ROWS)]), limits)).toEqual({ ok: true });
    expect(await inspectZip(zipOf([await deflatedSheet(MAX_ROWS + 1)]), limits)).toEqual({ ok: false, reason: 'rows' });
  });

  it('refuses a CSV of more than 50 000 rows or 1 000 columns, and does not report it as a cell problem', async () => {
    const rows = Buffer.from('tiltak;type;2026\n' + 'A;invest;1\n'.repeat(MAX_ROWS));
    await expect(readTable(rows, 'stor.csv')).rejects.toThrow('Regnearket «stor.csv» har mer enn 50\u00a0000 rader');
    await expect(readTableOrProblem(rows, 'stor.csv')).rejects.toThrow(SpreadsheetTooLargeError);
    const empties = Buffer.from('x\n'.repeat(2_000_000));
    await expect(readTable(empties, 'tomme.csv')).rejects.toThrow(SpreadsheetTooLargeError);
    const wide = Buffer.from(`tiltak${';'.repeat(1_000)}\n`);
    await expect(readTable(wide, 'bred.csv')).rejects.toThrow('Regnearket «bred.csv» har mer enn 1\u00a0000 kolonner');
    // Exactly the limit is read (a final line break makes no row).
    const ok = await readTable(Buffer.from('a;b\n'.repeat(MAX_ROWS)), 'grense.csv');
    expect(ok).toHaveLength(MAX_ROWS);
  });
});
