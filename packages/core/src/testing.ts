// Test helpers for users of @wacall/core and for other Store implementations.
// --- store ---
// --- end store ---
