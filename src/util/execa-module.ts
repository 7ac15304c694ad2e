// execa behind a module of our own, so that the bundler keeps it in its own lazily loaded file.
export { execa } from 'execa';
