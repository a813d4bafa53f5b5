//! (Scaffold: written in a parallel branch.)
