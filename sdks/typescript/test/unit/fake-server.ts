import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake service received. */
export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

/** How the fake service answers one request: a status, headers and a JSON body, or a cut connection. */
export type Reply =
  | { status: number; body?: unknown; rawBody?: string; headers?: Record<string, string> }
  | { drop: true }
  | { hang: true };

/**
 * A real HTTP server on 127.0.0.1 answering a script of replies, one per request, and recording every request.
 * The client under test talks to it through the platform's fetch, as it would to the service.
 */
export class FakeService {
  readonly received: Received[] = [];
  private readonly script: Reply[] = [];
  private readonly hanging: ServerResponse[] = [];
  private server: Server | undefined;
  baseUrl = '';

  static async start(): Promise<FakeService> {
    const fake = new FakeService();
    await fake.listen();
    return fake;
  }

  reply(...replies: Reply[]): this {
    this.script.push(...replies);
    return this;
  }

  private async listen(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.answer(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/api`;
  }

  private answer(request: IncomingMessage, body: string, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://fake');
    this.received.push({ method: request.method ?? '', path: url.pathname, query: url.searchParams,
      headers: request.headers, body });
    const reply = this.script.shift();
    if (!reply) {
      response.writeHead(599, { 'Content-Type': 'text/plain' }).end('the fake service has no scripted reply left');
      return;
    }
    if ('drop' in reply) {
      request.socket.destroy();
      return;
    }
    if ('hang' in reply) {
      this.hanging.push(response);
      return;
    }
    const text = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    response.writeHead(reply.status, { 'Content-Type': contentType, ...reply.headers }).end(text);
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.socket?.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** A customer as the service sends it. */
export function wireCustomer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cust_01jq3v6x9c4m2k8d7f5h1n0p2r',
    externalId: 'usr_98765',
    email: 'sarah@kampaltech.ug',
    name: 'Nakato Sarah',
    country: 'UG',
    currency: 'UGX',
    status: 'active',
    metadata: { userId: 'usr_98765', accountType: 'business' },
    totalSpent: 150000,
    activeSubscriptions: 1,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}):
    Record<string, unknown> {
  return {
    type: `https://docs.novabilling.dev/errors/${code}`,
    title: code,
    status,
    detail,
    code,
    requestId: 'req_test0000000000000000000001',
    ...extra,
  };
}

/** Records the waits the client asks for instead of waiting. */
export function recordingSleep(): { sleeps: number[]; sleep: (ms: number) => Promise<void> } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => { sleeps.push(ms); } };
}
