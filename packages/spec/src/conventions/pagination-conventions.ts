import { atlassian } from './atlassian.js';
import { authentikPage } from './authentik-page.js';
import { awsNextToken } from './aws-next-token.js';
import { contentRange } from './content-range.js';
import { cursorToken } from './cursor-token.js';
import { directus } from './directus.js';
import { drfCursor } from './drf-cursor.js';
import { drfLimitOffset } from './drf-limit-offset.js';
import { drfPageNumber } from './drf-page-number.js';
import { fastapiCursorPage } from './fastapi-cursor-page.js';
import { fastapiLimitOffsetPage } from './fastapi-limit-offset-page.js';
import { fastapiPage } from './fastapi-page.js';
import { googleAip158 } from './google-aip-158.js';
import { jsonApi } from './json-api.js';
import { jsonServerV1 } from './json-server-v1.js';
import { kubernetesContinue } from './kubernetes-continue.js';
import { laravelCursorPaginator } from './laravel-cursor-paginator.js';
import { laravelLengthAwarePaginator } from './laravel-length-aware-paginator.js';
import { laravelSimplePaginator } from './laravel-simple-paginator.js';
import { limitOffset } from './limit-offset.js';
import { linkHeader } from './link-header.js';
import { mongoosePaginate } from './mongoose-paginate.js';
import { nestjsPaginate } from './nestjs-paginate.js';
import { odata } from './odata.js';
import { pageNumber } from './page-number.js';
import type { PaginationConvention } from './pagination-convention.js';
import { slackCursor } from './slack-cursor.js';
import { springDataPage } from './spring-data-page.js';
import { springHateoasPagedModel } from './spring-hateoas-paged-model.js';
import { strapi } from './strapi.js';
import { stripeList } from './stripe-list.js';
import { totalCountHeaders } from './total-count-headers.js';

/**
 * The pagination conventions `loadApi` recognises, in the order it tries them: framework page
 * bodies first (they are the most specific), then the token styles, then the generic limit/offset
 * and cursor parameters, then the header conventions. Pass your own list (this one extended or
 * cut) as the `conventions` load option.
 */
export const PAGINATION_CONVENTIONS: readonly PaginationConvention[] = [
  authentikPage,
  fastapiPage,
  fastapiLimitOffsetPage,
  fastapiCursorPage,
  springDataPage,
  springHateoasPagedModel,
  laravelLengthAwarePaginator,
  laravelCursorPaginator,
  laravelSimplePaginator,
  nestjsPaginate,
  mongoosePaginate,
  strapi,
  directus,
  jsonServerV1,
  jsonApi,
  odata,
  drfLimitOffset,
  drfCursor,
  drfPageNumber,
  googleAip158,
  awsNextToken,
  kubernetesContinue,
  stripeList,
  slackCursor,
  atlassian,
  limitOffset,
  cursorToken,
  linkHeader,
  totalCountHeaders,
  contentRange,
  pageNumber,
];
