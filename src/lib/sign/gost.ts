/**
 * Connects the O'z DSt 1092/1106 operations of the `crypto` area to this area's algorithm table.
 * Imported for its side effect by the face and by workers.
 */
export {};
