import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiskStore } from './disk-store';
import { contentMatches, kindOfName, parseKinds } from './file-types';
import { createS3Store } from './s3-store';
import { checkKey, newStorageKey } from './store';

describe('file types', () => {
  it('knows a file by its name and checks its first bytes', () => {
    expect(kindOfName('Report.PDF')).toBe('pdf');
    expect(kindOfName('photo.jpg')).toBe('jpeg');
    expect(kindOfName('setup.exe')).toBeNull();
    expect(kindOfName('noextension')).toBeNull();
    expect(contentMatches('pdf', Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(contentMatches('pdf', Buffer.from('MZ\x90\x00'))).toBe(false);
    expect(contentMatches('png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(contentMatches('jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    const zip = (names: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names)]);
    expect(contentMatches('docx', zip('[Content_Types].xml word/document.xml'))).toBe(true);
    expect(contentMatches('xlsx', zip('[Content_Types].xml word/document.xml'))).toBe(false);
    expect(contentMatches('xlsx', zip('[Content_Types].xml xl/workbook.xml'))).toBe(true);
    const odt = Buffer.concat([
      zip(`${'\0'.repeat(26)}mimetype`),
      Buffer.from('application/vnd.oasis.opendocument.text'),
    ]);
    expect(contentMatches('odt', odt)).toBe(true);
    expect(contentMatches('ods', odt)).toBe(false);
    expect(contentMatches('csv', Buffer.from('name;value\r\nÉcole;3\n'))).toBe(true);
    expect(contentMatches('csv', Buffer.from([0x61, 0x00, 0x62]))).toBe(false);
    expect(contentMatches('csv', Buffer.from([0xff, 0xfe, 0x41]))).toBe(false);
  });

  it('reads the EVIDENCE_TYPES setting', () => {
    expect(parseKinds('pdf, jpg,PNG')).toEqual(['pdf', 'jpeg', 'png']);
    expect(parseKinds('pdf,exe')).toMatch(/unknown type "exe"/);
  });
});

describe('keys', () => {
  it('are random and never leave the store', () => {
    expect(newStorageKey()).toMatch(/^evidence\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(newStorageKey()).not.toBe(newStorageKey());
    for (const bad of ['../etc/passwd', '/abs', 'a//b', 'A/B', 'a/../b'])
      expect(() => checkKey(bad), bad).toThrow(/invalid storage key/);
  });
});

describe('the disk store', () => {
  it('writes through a temporary file, reads, deletes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'implementa-store-'));
    const store = createDiskStore(root);
    const key = newStorageKey();
    await store.put(key, Buffer.from('hello'), 'text/plain');
    expect((await store.get(key)).toString()).toBe('hello');
    const folder = join(root, ...key.split('/').slice(0, -1));
    expect(readdirSync(folder)).toEqual([key.split('/').at(-1)]);
    await store.delete(key);
    await store.delete(key);
    await expect(store.get(key)).rejects.toThrow();
  });
});

describe('the S3 store', () => {
  it('signs PUT, GET and DELETE with AWS Signature Version 4, path-style', async () => {
    const objects = new Map<string, Buffer>();
    const seen: { method: string; url: string; authorization: string; sha: string; contentType: string }[] = [];
    const read = async (request: IncomingMessage) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    const server = createServer(async (request, response) => {
      const body = await read(request);
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        authorization: String(request.headers.authorization ?? ''),
        sha: String(request.headers['x-amz-content-sha256'] ?? ''),
        contentType: String(request.headers['content-type'] ?? ''),
      });
      const url = request.url ?? '';
      if (request.method === 'PUT') objects.set(url, body);
      if (request.method === 'DELETE') objects.delete(url);
      if (request.method === 'GET' && !objects.has(url)) {
        response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
        return;
      }
      response.writeHead(request.method === 'DELETE' ? 204 : 200);
      response.end(request.method === 'GET' ? objects.get(url) : undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const store = createS3Store({
        endpoint: `http://127.0.0.1:${port}`,
        bucket: 'evidence',
        region: 'eu-central-1',
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      });
      const key = newStorageKey();
      await store.put(key, Buffer.from('%PDF-1.4 evidence'), 'application/pdf');
      expect((await store.get(key)).toString()).toBe('%PDF-1.4 evidence');
      await store.delete(key);
      await expect(store.get(key)).rejects.toThrow(/404/);
      expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
        `PUT /evidence/${key}`,
        `GET /evidence/${key}`,
        `DELETE /evidence/${key}`,
        `GET /evidence/${key}`,
      ]);
      expect(seen[0]?.contentType).toBe('application/pdf');
      for (const request of seen) {
        expect(request.authorization).toMatch(
          /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
        );
        expect(request.sha).toMatch(/^([0-9a-f]{64}|UNSIGNED-PAYLOAD)$/);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
