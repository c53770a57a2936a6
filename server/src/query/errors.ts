import { createGraphQLError } from 'graphql-yoga';

// Built with yoga's own GraphQLError class: an error of another copy of graphql-js (a bundler's or
// test runner's) would fail yoga's instanceof check and reach the caller as "Unexpected error.".

/** The caller asked for something that cannot be answered as asked; the message says what to change. */
export function badInput(message: string) {
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A limit (depth, aliases, cost, page size, time) refused the query. */
export function limitError(message: string, code: string) {
  return createGraphQLError(message, { extensions: { code } });
}

export function unauthenticated(message: string) {
  return createGraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: string) {
  return createGraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}
