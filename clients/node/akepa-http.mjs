// The HTTP side of the client: one method per endpoint of the page and the rulings, each returning the raw
// exchange (status, request-id header, parsed body, or the network error) so the caller can judge it against the page.

const REQUEST_TIMEOUT_MS = 20_000;

export class AkepaHttp {
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.token = null;
  }

  getToken(login, password) {
    return this.#send('POST', '/auth/get-token', { json: { user: { login, password } } });
  }

  initCustomer(body) {
    return this.#send('POST', '/customer/init', { json: body });
  }

  customerStatus(customerId) {
    return this.#send('GET', `/customer/status/${encodeURIComponent(customerId)}`);
  }

  identification(body) {
    return this.#send('POST', '/akepa/identification', { json: body });
  }

  status(customerId) {
    return this.#send('GET', `/akepa/status/${encodeURIComponent(customerId)}`);
  }

  generateDocument(body) {
    return this.#send('POST', '/akepa/document/generate', { json: body });
  }

  uploadDocument(documentId, bytes, fileName, mimeType) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: mimeType }), fileName);
    return this.#send('POST', `/akepa/document/upload/${encodeURIComponent(documentId)}`, { form });
  }

  update(body) {
    return this.#send('POST', '/akepa/update', { json: body });
  }

  sandboxReview(body) {
    return this.#send('POST', '/akepa/sandbox/review', { json: body });
  }

  async #send(method, path, { json, form } = {}) {
    const headers = {};
    if (this.token) headers['x-connectfi-token'] = this.token;
    let body;
    if (json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      body = form; // fetch sets multipart/form-data with its boundary
    }
    const request = `${method} ${path}`;
    let response;
    try {
      response = await fetch(this.baseUrl + path, {
        method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // No HTTP answer reached the caller: a finding about the exchange, reported like any other difference.
      const cause = error?.cause ? ` (${error.cause.code ?? error.cause.message ?? error.cause})` : '';
      return { request, status: null, networkError: `${error?.message ?? error}${cause}` };
    }
    const text = await response.text();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { request, status: response.status, requestIdHeader: response.headers.get('x-request-id'), body: parsed, text };
  }
}
