/**
 * Live boards, the pure part: a design as a shared Y.Doc (one Y.Map per record), the change of one
 * user intent written into it field by field, the design read back so that it always loads, and
 * the room and link format. No UI: the store, the provider and presence sit on top of this.
 */
export { COLLECTIONS, DESIGN_ROOT, ORDER_FIELD, type Collection } from './sharedDesign.ts';
export { diffDesigns, isEmptyDiff, type DesignDiff, type DesignRecord, type FieldChanges, type RecordChanges } from './diff.ts';
export { applyDiff, writeDesign } from './applyDiff.ts';
export { readDesign, type Projection } from './project.ts';
export { is128Bits, liveLinkHref, newRoomId, readLiveLink, viewKeyOf, type Access, type LiveLink } from './rooms.ts';
