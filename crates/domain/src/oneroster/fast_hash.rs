//! A fast hash for the sourcedId maps, which see every row of every file.
//!
//! This is rustc's FxHash with murmur3's finaliser: a few cycles per word
//! where the standard SipHash spends tens, which shows at 400,000 users. It does not resist crafted
//! collisions; the worst a crafted file could do is slow its own import.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// Mixes high bits into low ones (murmur3's finaliser): the hash table
    /// picks buckets by the low bits, which the multiplications above leave
    /// depending only on the low bytes of each word, alike in `u1`, `u2`, …
    fn finish(&self) -> u64 {
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinguishes_keys_that_share_a_prefix() {
        let mut set: FastSet<String> = FastSet::default();
        for i in 0..10_000 {
            assert!(set.insert(format!("user-{i}")));
        }
        assert!(set.contains("user-9999"));
        assert!(!set.contains("user-10000"));
        assert!(set.insert("a".into()) && set.insert("a\0".into()));
    }
}
