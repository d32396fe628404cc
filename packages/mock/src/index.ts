export type { MockReply } from './_internals/mock-reply.js';
export type { Fault, FaultName } from './faults/fault-catalogue.js';
export { faultCatalogue } from './faults/fault-catalogue.js';
export type { Mock, MockOptions } from './mock/create-mock.js';
export { createMock, DEFAULT_MOCK_TOKEN } from './mock/create-mock.js';
export type { ListenOptions, MockServer } from './transport/listen-mock.js';
export { MockDispatcher } from './transport/mock-dispatcher.js';
