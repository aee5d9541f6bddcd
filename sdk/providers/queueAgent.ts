import { kindProvider } from './kindProvider';

// Must stay the module's whole export; see kindProvider.
export = kindProvider('QueueAgent');
