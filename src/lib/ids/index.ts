/**
 * Identifiers of people and companies: PINFL, TIN, passport / ID card, phone, login, password.
 * Each `parseX` returns a typed, normalised value or throws `InvalidIdentifierError` (exit 2) whose
 * code and message name exactly what is wrong. No I/O; safe to use from the sandbox and the CLI.
 */
export { parsePinfl, isValidPinfl, pinflCheckDigit, makePinfl } from './pinfl.js';
export type { Pinfl, PinflOptions, PinflParts, Sex } from './pinfl.js';
export { parseTin, isValidTin } from './tin.js';
export type { Tin } from './tin.js';
export { parsePassport, isValidPassport } from './passport.js';
export type { PassportNumber } from './passport.js';
export { parsePhone, isValidPhone } from './phone.js';
export type { Phone, PhoneOptions } from './phone.js';
export { parseLogin, isValidLogin, LOGIN_MIN, LOGIN_MAX } from './login.js';
export type { Login } from './login.js';
export { passwordProblems, assertPasswordAcceptable, PASSWORD_MIN } from './password.js';
export type { PasswordProblem } from './password.js';
export type { IdentifierKind } from './invalid.js';
