// Writing responses. Every response, including errors and injected faults, carries X-Request-Id
// (set before anything else runs); these helpers only add the body and its headers.

import type { ServerResponse } from 'node:http';
import type { Surface } from './api';
import { failureBody, metricsFailureBody, type ApiError } from './failure';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (status === 204 || body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, surface: Surface, error: ApiError, requestId: string, headers: Record<string, string> = {}): void {
  const body = surface === 'metrics' ? metricsFailureBody(error, requestId) : failureBody(error, requestId);
  sendJson(res, error.status, body, { ...headers, ...error.headers });
}

export function sendRaw(res: ServerResponse, status: number, contentType: string, text: string): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const HTML_PAGE = (status: number) => `<!DOCTYPE html>
<html><head><title>${status} Error</title></head>
<body><h1>${status} Error</h1><p>The upstream server is temporarily unavailable. Please try again later.</p>
<hr><center>nginx</center></body></html>
`;

export function sendHtml(res: ServerResponse, status: number): void {
  sendRaw(res, status, 'text/html; charset=utf-8', HTML_PAGE(status));
}
