import { describe, expect, it } from 'vitest';
import { commandSchema, documentSchema, retryPolicySchema, serviceSchema } from '../../model/index.ts';
import { formatNumber, parseLongTextField, parseNumberField, parseTextField } from './parseField.ts';

const timeout = commandSchema.shape.timeoutMs;
const failureRate = serviceSchema.shape.failureRate;
const maxAttempts = retryPolicySchema.shape.maxAttempts;

describe('number fields, checked by the model schema', () => {
  it('accepts a number in range, with spaces around it', () => {
    expect(parseNumberField(' 5000 ', timeout, 'ms')).toEqual({ ok: true, value: 5000 });
    expect(parseNumberField('0.05', failureRate)).toEqual({ ok: true, value: 0.05 });
  });

  it('reads an empty optional field as "absent", so the default applies again', () => {
    expect(parseNumberField('', timeout, 'ms')).toEqual({ ok: true, value: undefined });
    expect(parseNumberField('   ', failureRate)).toEqual({ ok: true, value: undefined });
  });

  it('refuses a required field left empty', () => {
    expect(parseNumberField('', maxAttempts)).toEqual({ ok: false, message: 'Required: enter a number.' });
  });

  it('refuses text that is not a number', () => {
    expect(parseNumberField('abc', timeout, 'ms')).toEqual({ ok: false, message: 'Enter a number.' });
    expect(parseNumberField('12ms', timeout, 'ms')).toEqual({ ok: false, message: 'Enter a number.' });
    expect(parseNumberField('Infinity', timeout, 'ms')).toEqual({ ok: false, message: 'Enter a number.' });
  });

  it('says the bound the schema sets, with its unit', () => {
    expect(parseNumberField('-5', timeout, 'ms')).toEqual({ ok: false, message: 'Must be more than 0 ms.' });
    expect(parseNumberField('0', timeout, 'ms')).toEqual({ ok: false, message: 'Must be more than 0 ms.' });
    expect(parseNumberField('90000000', timeout, 'ms')).toEqual({ ok: false, message: 'Must be at most 86\u202f400\u202f000 ms.' });
    expect(parseNumberField('2', failureRate)).toEqual({ ok: false, message: 'Must be at most 1.' });
    expect(parseNumberField('-0.1', failureRate)).toEqual({ ok: false, message: 'Must be at least 0.' });
  });

  it('refuses a fraction where the schema wants a whole number', () => {
    expect(parseNumberField('2.5', maxAttempts)).toEqual({ ok: false, message: 'Enter a whole number.' });
    expect(parseNumberField('0', maxAttempts)).toEqual({ ok: true, value: 0 });
  });
});

describe('text fields', () => {
  const name = serviceSchema.shape.name;

  it('trims a name', () => {
    expect(parseTextField('  PaymentService ', name)).toEqual({ ok: true, value: 'PaymentService' });
  });

  it('refuses an empty or blank name', () => {
    expect(parseTextField('', name)).toEqual({ ok: false, message: 'Required.' });
    expect(parseTextField('   ', name)).toEqual({ ok: false, message: 'Required.' });
    expect(parseTextField('', documentSchema.shape.name)).toMatchObject({ ok: false });
  });

  it('refuses a name longer than the schema allows', () => {
    expect(parseTextField('x'.repeat(301), name)).toEqual({ ok: false, message: 'At most 300 characters.' });
  });

  it('keeps a description as typed, line breaks included, and blank means absent', () => {
    const description = serviceSchema.shape.description;
    expect(parseLongTextField('Charges the card.\nRefunds it too. ', description)).toEqual({ ok: true, value: 'Charges the card.\nRefunds it too. ' });
    expect(parseLongTextField(' \n ', description)).toEqual({ ok: true, value: undefined });
  });
});

describe('numbers in messages', () => {
  it('groups the digits of large whole numbers only', () => {
    expect(formatNumber(10000)).toBe('10\u202f000');
    expect(formatNumber(5000)).toBe('5000');
    expect(formatNumber(0.05)).toBe('0.05');
  });
});
