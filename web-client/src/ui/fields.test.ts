import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problems';
import { fieldErrors } from './fields';

describe('field errors of a problem', () => {
  it('names each field once with words chosen by the constraint, never the service\'s English', () => {
    const error = new ApiError(422, {
      status: 422,
      errors: [
        { field: 'email', code: 'Email', message: 'must be a well-formed email address' },
        { field: 'displayName', code: 'NotBlank', message: 'must not be blank' },
        { field: 'displayName', code: 'Size', message: 'size must be between 1 and 200' },
        { field: 'timeZone', code: 'ValidZone', message: 'unknown zone' },
        { field: 'country' },
        'nonsense',
      ],
    }, null);
    expect(fieldErrors(error)).toEqual({
      email: 'field.email',
      displayName: 'field.required',
      timeZone: 'field.invalid',
      country: 'field.invalid',
    });
  });

  it('is empty for failures that are not about fields', () => {
    expect(fieldErrors(new ApiError(403, { status: 403 }, null))).toEqual({});
    expect(fieldErrors(new Error('x'))).toEqual({});
    expect(fieldErrors(new ApiError(0, null, null, true))).toEqual({});
  });
});
