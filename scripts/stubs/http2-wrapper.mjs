// Build-time stand-in for got's optional HTTP/2 dependency. scflows never sets got's `http2` option, and the
// real module opens a TLS context (loading every system CA certificate) as soon as it is imported, which
// cost ~30 ms of every cron-started process (docs/cold-start.md). Using HTTP/2 with this bundle fails loudly.
const unavailable = () => {
  throw new Error('HTTP/2 is not included in the scflows bundle');
};
export default {
  get globalAgent() {
    return unavailable();
  },
  get auto() {
    return unavailable();
  },
};
