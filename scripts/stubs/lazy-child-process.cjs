// commander requires child_process at load time but only uses it for executable subcommands,
// which delegate has none of; loading it on first use keeps ~5 ms off every start.
let real;
module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });
