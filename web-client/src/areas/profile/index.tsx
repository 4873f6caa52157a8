// My profile (see and correct my own details) and Security (the second factor): one chunk.
export { default } from './Profile';
export { Security } from './Security';
