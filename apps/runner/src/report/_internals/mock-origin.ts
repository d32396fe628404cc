/**
 * The origin the in-process mock is addressed at. Nothing is sent there: the mock dispatcher
 * answers in-process, so reproductions rewrite it to where `assay mock` listens.
 */
export const MOCK_ORIGIN = 'http://assay.mock';
