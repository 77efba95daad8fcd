export { carrierAuth, requireCarrier, presentedKey } from './carrier-auth.ts';
export { userAuth, currentUser } from './user-auth.ts';
