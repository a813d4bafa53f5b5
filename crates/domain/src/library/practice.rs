//! Checking what an author writes of a classroom practice
//! (`PracticeContent`): every problem named by its field.
