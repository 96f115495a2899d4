/**
 * The account area (DOMAIN.md flows 1, 3, 4, 5): registration, sign-in with password or key and
 * roles, verification, legal entities, and how these read in the terminal. Commands import only
 * this file; it talks to the portal through src/lib/portal and keeps sessions in src/lib/session.
 */
export {
  checkEmail,
  checkRegisterInput,
  register,
  type ContactsInput,
  type IdentityInput,
  type RegisterDialog,
  type RegisterOutcome,
  type RegisterOptions,
} from './register.js';
export {
  prepareRegistration,
  registerAccount,
  registerDialog,
  type Prepared,
  type RegisterAsker,
  type RegisterGiven,
  type RegisterIO,
  type RegisterSecret,
} from './register-dialog.js';
export {
  passwordLogin,
  signInWithRole,
  switchSessionRole,
  type RoleChoice,
  type RoleChoiceOptions,
  type RoleSwitch,
  type SignedIn,
} from './login.js';
export { boundEntities, logOut, whoAmI, type BoundEntity, type Identity, type LoggedOut } from './current.js';
export { signIn, switchRole, type LoggedIn, type SignInOptions } from './sign-in.js';
export {
  matchesSpec,
  parseRoleSpec,
  pickBySpec,
  roleId,
  sameRole,
  toRole,
  type Role,
  type RoleSpec,
} from './roles.js';
export {
  accountOf,
  bindWithKey,
  keyLogin,
  legalEntitiesOf,
  verifyWithKey,
  type Verification,
} from './key-flows.js';
export {
  checkKey,
  keyIdentity,
  maskedPinfl,
  proveWithKey,
  signAttached,
  type KeyIdentity,
} from './key-proof.js';
export { explained, explainRefusal, refusedWith } from './refusals.js';
export {
  fromSessionRole,
  requireSession,
  storeSignedIn,
  toSessionRole,
  type SessionPlace,
} from './session.js';
export { fullName, labelled, personLines, roleLabel, statusLabel, type AccountStatus } from './render.js';
export { accountContext, type AccountContext } from './context.js';
export {
  authorizeEmployee,
  companyCard,
  EMPLOYEE_ROLES,
  employeesOf,
  HEAD_ROLE,
  parseEmployeeRole,
  requireCompanyRole,
  revokeEmployee,
} from './company.js';
export {
  changePassword,
  forgetLogin,
  recoverAccount,
  type PasswordChanged,
  type RecoverOptions,
  type Recovered,
} from './password.js';
export { regionsOf, resolvePlace, type Place } from './places.js';
