/** The check ids the runner itself reports, for requests that got no usable response. */
export const transportCheckIds = ['response-timeout', 'transport-error'] as const;
