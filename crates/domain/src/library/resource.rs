//! Checking a resource of the library: its details, its link or its file
//! (by its bytes).
