import { describe, expect, it } from 'vitest';
import { ACCEPT, checkFile, documentForm, documentLabel, documentsKey, documentsPath, downloadHref, extensionOf, readUploadAnswer } from './documents';

describe('issue documents', () => {
  it('reads extensions the way the API does', () => {
    expect(extensionOf('개정 고시.PDF')).toBe('pdf');
    expect(extensionOf('archive.tar.hwpx')).toBe('hwpx');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('trailing.')).toBe('');
    expect(ACCEPT).toContain('.hwp,');
  });

  it('tells what it can before sending', () => {
    expect(checkFile({ name: '공문.hwp', size: 10 })).toBe('ok');
    expect(checkFile({ name: '그림.svg', size: 10 })).toBe('type');
    expect(checkFile({ name: 'setup.exe', size: 10 })).toBe('type');
    expect(checkFile({ name: '빈.pdf', size: 0 })).toBe('empty');
    expect(checkFile({ name: '큰.pdf', size: 20 * 1024 * 1024 + 1 })).toBe('tooLarge');
    expect(checkFile({ name: '큰.pdf', size: 5 }, 4)).toBe('tooLarge');
  });

  it('sends the file and a trimmed title, no empty title', () => {
    const file = new Blob(['%PDF-1.4']);
    const form = documentForm(file, '근거.pdf', '  개정 고시  ');
    expect((form.get('file') as File).name).toBe('근거.pdf');
    expect(form.get('title')).toBe('개정 고시');
    expect(documentForm(file, '근거.pdf', '   ').has('title')).toBe(false);
  });

  it('labels and links a document', () => {
    expect(documentLabel({ title: null, fileName: '근거.pdf' })).toBe('근거.pdf');
    expect(documentLabel({ title: ' 개정 고시 ', fileName: '근거.pdf' })).toBe('개정 고시');
    expect(downloadHref('https://api.test', { contentUrl: '/api/v1/documents/7/content' })).toBe('https://api.test/api/v1/documents/7/content');
  });

  it('reads the answer to an upload', () => {
    const created = readUploadAnswer({ status: 201, text: JSON.stringify({ id: 7, fileName: '근거.pdf' }) });
    expect(created.kind === 'created' && created.document.id).toBe(7);
    const refused = readUploadAnswer({
      status: 400,
      text: JSON.stringify({ title: '입력값 오류', status: 400, errors: { file: ['파일 내용이 .pdf 파일이 아닙니다.'] } }),
    });
    expect(refused).toEqual({ kind: 'problem', problem: { status: 400, title: '입력값 오류', errors: { file: ['파일 내용이 .pdf 파일이 아닙니다.'] } } });
    expect(readUploadAnswer({ status: 201, text: 'not json' }).kind).toBe('problem');
    expect(readUploadAnswer({ status: 413, text: '' })).toEqual({ kind: 'problem', problem: { status: 413, title: 'HTTP 413' } });
  });
});

describe('document owners', () => {
  it('lists and uploads an issue\'s and a meeting\'s documents at their own paths and keys', () => {
    expect(documentsPath({ kind: 'issue', id: 3 })).toBe('/api/v1/regulatory-issues/3/documents');
    expect(documentsPath({ kind: 'meeting', id: 4 })).toBe('/api/v1/meetings/4/documents');
    expect(documentsKey({ kind: 'issue', id: 3 })).toEqual(['issues', 'documents', 3]);
    expect(documentsKey({ kind: 'meeting', id: 4 })).toEqual(['meetings', 'documents', 4]);
    expect(documentsPath({ kind: 'followUp', id: 5 })).toBe('/api/v1/follow-ups/5/documents');
    expect(documentsKey({ kind: 'followUp', id: 5 })).toEqual(['follow-ups', 'documents', 5]);
    expect(documentsPath({ kind: 'agendaItem', id: 6 })).toBe('/api/v1/agenda-items/6/documents');
    expect(documentsPath({ kind: 'minutes', id: 4 })).toBe('/api/v1/meetings/4/minutes/documents');
    expect(documentsKey({ kind: 'minutes', id: 4 })).not.toEqual(documentsKey({ kind: 'meeting', id: 4 }));
  });
});
