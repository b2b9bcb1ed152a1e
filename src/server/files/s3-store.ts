import { AwsClient } from 'aws4fetch';
import { checkKey, type FileStore } from './store';

export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Files in an S3-compatible bucket (AWS, MinIO, Garage, Ceph, …), path-style URLs
 * (endpoint/bucket/key) because most self-hosted stores need them. aws4fetch signs each request
 * with AWS Signature Version 4 on fetch and Web Crypto: no SDK to ship.
 */
export function createS3Store(options: S3Options): FileStore {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: 's3',
  });
  const base = `${options.endpoint.replace(/\/$/, '')}/${encodeURIComponent(options.bucket)}`;
  const urlOf = (key: string) => `${base}/${checkKey(key)}`;
  const fail = async (what: string, key: string, response: Response) => {
    const text = await response.text().catch(() => '');
    throw new Error(`S3 ${what} ${key}: ${response.status} ${text.slice(0, 200)}`);
  };
  return {
    kind: 's3',
    async put(key, data, contentType) {
      const response = await client.fetch(urlOf(key), {
        method: 'PUT',
        body: new Uint8Array(data),
        headers: { 'content-type': contentType, 'content-length': String(data.length) },
      });
      if (!response.ok) await fail('PUT', key, response);
      await response.arrayBuffer();
    },
    async get(key) {
      const response = await client.fetch(urlOf(key), { method: 'GET' });
      if (!response.ok) await fail('GET', key, response);
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await client.fetch(urlOf(key), { method: 'DELETE' });
      // S3 answers 204 for a missing key too; some compatible stores answer 404.
      if (!response.ok && response.status !== 404) await fail('DELETE', key, response);
      await response.arrayBuffer();
    },
  };
}
