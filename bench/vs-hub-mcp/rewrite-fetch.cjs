// Preloaded into Docker's hub-mcp (`node -r ./rewrite-fetch.cjs dist/index.js ...`) by bench/vs-hub-mcp/run.sh:
// hub-mcp has https://hub.docker.com fixed in its source, so every fetch to it (the PAT login POST /v2/users/login
// and the API calls) goes to the local static Hub in HUB_MCP_BENCH_HUB (http://127.0.0.1:PORT) instead. A fetch to
// any other host (Docker Scout, the search API) is refused, so nothing leaves the machine. hub-mcp's files are not
// changed; its only network paths are the global fetch (asset.ts, and the Scout client's fetchFn).
'use strict';

const target = process.env.HUB_MCP_BENCH_HUB || '';
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(target)) {
    process.stderr.write(`rewrite-fetch: HUB_MCP_BENCH_HUB must be http://127.0.0.1:PORT, got '${target}'\n`);
    process.exit(2);
}
const HUB = 'https://hub.docker.com';
const originalFetch = globalThis.fetch;

function rewrite(url) {
    if (url === HUB || url.startsWith(HUB + '/')) {
        return target + url.slice(HUB.length);
    }
    if (url === target || url.startsWith(target + '/')) {
        return url;
    }
    throw new TypeError(`rewrite-fetch: refused a request to ${new URL(url).origin} (benchmark: 127.0.0.1 only)`);
}

globalThis.fetch = function benchFetch(input, init) {
    try {
        if (typeof input === 'string') {
            input = rewrite(input);
        } else if (input instanceof URL) {
            input = new URL(rewrite(input.href));
        } else if (input instanceof Request) {
            input = new Request(rewrite(input.url), input);
        } else {
            input = rewrite(String(input));
        }
    } catch (e) {
        return Promise.reject(e);
    }
    return originalFetch.call(this, input, init);
};
