// Compares a response with what the page prints and lists every difference in words.
// An expectation is a literal (equal), a plain object (exactly these fields), an array (these items in this order)
// or a matcher: a function returning null when the value fits, else what was wrong.

const show = (value) => (value === undefined ? 'nothing' : JSON.stringify(value));

export function differences(actual, expected, path = '') {
  const found = [];
  collect(actual, expected, path, found);
  return found;
}

function collect(actual, expected, path, found) {
  if (typeof expected === 'function') {
    const problem = expected(actual);
    if (problem) found.push(`${path || 'value'}: ${problem}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      found.push(`${path}: expected ${expected.length} items, got ${show(actual)}`);
    } else {
      expected.forEach((item, index) => collect(actual[index], item, `${path}[${index}]`, found));
    }
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      found.push(`${path}: expected an object, got ${show(actual)}`);
      return;
    }
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) found.push(`${path}.${key}: missing`);
      else collect(actual[key], expected[key], `${path}.${key}`, found);
    }
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) found.push(`${path}.${key}: not on the page (${show(actual[key])})`);
    }
  } else if (actual !== expected) {
    found.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

export const matching = (pattern, description) => (value) =>
  typeof value === 'string' && pattern.test(value) ? null : `expected ${description}, got ${show(value)}`;

export const prefixedId = (prefix) => matching(new RegExp(`^${prefix}[0-9A-Za-z]{22}$`), `a ${prefix} id`);

export const REQUEST_ID = matching(/^[0-9a-f]{32}$/, '32 lowercase hex characters');

export const TIMESTAMP = matching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'an ISO-8601 UTC time with milliseconds');

/** Entity applications in any order (the page prints them in both orders), each exactly as expected. */
export const entitiesInAnyOrder = (expectedEntities) => (actual) => {
  if (!Array.isArray(actual)) return `expected an array, got ${show(actual)}`;
  const wantedIds = expectedEntities.map((entity) => entity.entityId).sort();
  const actualIds = actual.map((entity) => entity?.entityId).sort();
  if (show(wantedIds) !== show(actualIds)) return `expected entities ${show(wantedIds)}, got ${show(actual)}`;
  const problems = expectedEntities.flatMap((entity) =>
    differences(actual.find((candidate) => candidate.entityId === entity.entityId), entity, `[${entity.entityId}]`));
  return problems.length ? problems.join('; ') : null;
};
