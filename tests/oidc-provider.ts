import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) on a
 * loopback port, with one confidential client for Implementa. Its development sign-in form takes
 * any login: here the login is the e-mail address the provider vouches for, verified unless it
 * starts with "unverified.". PKCE is required, as a well-configured provider would.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Signs `login` in at the provider from the authorization URL, consents, and returns the redirect back. */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  stop(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const clientId = 'implementa-test';
  const clientSecret = 'implementa-test-client-secret-0123456789';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx, accountId) => ({
      accountId,
      claims: () => ({
        sub: `subject-${accountId}`,
        email: accountId,
        email_verified: !accountId.startsWith('unverified.'),
        name: accountId.split('@')[0],
      }),
    }),
  });
  server.on('request', provider.callback());

  async function signIn(authorizationUrl: string, login: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 12; hop++) {
      const response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { body } : {}),
      });
      keepCookies(jar, response.headers.getSetCookie());
      body = undefined;
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url);
        if (url.href.startsWith(redirectUri)) return url;
        continue;
      }
      const page = await response.text();
      if (response.status !== 200) throw new Error(`provider answered ${response.status}: ${page.slice(0, 300)}`);
      // The development interaction pages: a sign-in form, then a consent form, posted to the same URL.
      if (page.includes('name="prompt" value="login"'))
        body = new URLSearchParams({ prompt: 'login', login, password: 'any' });
      else if (page.includes('name="prompt" value="consent"')) body = new URLSearchParams({ prompt: 'consent' });
      else throw new Error(`unexpected provider page: ${page.slice(0, 300)}`);
    }
    throw new Error('the provider did not send the browser back');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    signIn,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function keepCookies(jar: Map<string, string>, headers: string[]): void {
  for (const header of headers) {
    const [pair = '', ...attributes] = header.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((part) => /^\s*expires=Thu, 01 Jan 1970/i.test(part) || /max-age=0\b/i.test(part));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}
