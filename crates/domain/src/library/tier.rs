//! The ESSA evidence tier Lyceum proposes for a practice from its trial
//! reports, with the reasons listed: pure rules, written from the
//! definitions in the issue and the U.S. Department of Education's
//! non-regulatory guidance "Using Evidence to Strengthen Education
//! Investments" (2016, updated 2023), as the What Works Clearinghouse
//! applies it:
//!
//! - **Tier 1 (strong)**: at least one randomised study with a positive,
//!   statistically significant effect on a sample of at least
//!   [`LARGE_SAMPLE`] students across at least [`MULTI_SITE`] sites.
//! - **Tier 2 (moderate)**: the same from a comparison-group
//!   (quasi-experimental) study, or a stronger one.
//! - **Tier 3 (promising)**: a correlational study with statistical
//!   controls for selection bias and a positive, significant effect — or
//!   a comparison-group or randomised study with one that lacks the large,
//!   multi-site sample.
//! - **Tier 4 (demonstrates a rationale)**: a logic model written on the
//!   practice, and at least one trial reported.
//!
//! **Overriding negative evidence** (the guidance's "not overridden by
//! statistically significant and negative evidence … from other findings
//! in studies that meet the same or higher level"): every study is given
//! the level its design and sample would meet were its effect positive
//! ([`level`]). A significant negative effect from a study whose level is
//! the same as, or stronger than, the strongest positive study's overrides
//! it — and with it every weaker positive study, since they meet lower
//! levels still — so no tier from 1 to 3 is proposed. A significant
//! negative effect from a weaker study is listed, and does not override.
//! Tier 4 asks only for a rationale and a trial, so overriding evidence
//! does not take it away; the curator reads the reasons.
//!
//! A study counts only with a significant effect *as reported*: an effect
//! not reported as significant (or not reported at all) supports nothing
//! and overrides nothing. Pre/post studies, uncontrolled correlational
//! studies and reports without outcomes meet no level. Whether a study is
//! "well designed and well implemented" is not in the data: that is the
//! curator's judgement, who confirms or overrides the proposal.

use super::{Design, EffectDirection, Evidence, Tier};
use serde::{Deserialize, Serialize};

/// Students a study needs (all groups) for tiers 1 and 2.
pub const LARGE_SAMPLE: u32 = 350;
/// Sites (schools or districts) a study needs for tiers 1 and 2.
pub const MULTI_SITE: u32 = 2;

/// What Lyceum proposes, and why (kept as JSON in
/// `classroom_practices.proposed_reasons`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// `None`: the reports support no tier yet.
    pub tier: Option<Tier>,
    /// What supports the tier first, then what keeps it from the next.
    pub reasons: Vec<Reason>,
}

/// A study as a reason names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Study {
    pub design: Design,
    /// Students in the study; `None`: not reported.
    pub students: Option<u32>,
    /// Sites it ran in; `None`: not reported.
    pub sites: Option<u32>,
    /// The effect size in hundredths, when reported.
    pub effect_size_centi: Option<i32>,
}

impl Study {
    fn of(e: &Evidence) -> Study {
        Study {
            design: e.design,
            students: e.sample_size,
            sites: e.sites,
            effect_size_centi: e.effect_size_centi,
        }
    }
}

/// One reason for (or against) a tier: data, worded by the pages in the
/// reader's language (`tier-reason-<kind>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// No trial reported yet (tier 4 needs one).
    NoTrials,
    /// No logic model written on the practice (tier 4 needs one).
    NoLogicModel,
    /// A logic model is written and the practice has been tried: tier 4.
    Rationale,
    /// The strongest study with a positive, significant effect: supports
    /// the tier proposed.
    Supports { study: Study },
    /// A significant negative effect from a weaker study: listed, not
    /// overriding.
    NegativeNotOverriding { study: Study },
    /// A significant negative effect from a study at the same level or a
    /// stronger one: no tier from 1 to 3.
    Overridden { study: Study },
    /// No study of a design that can support tier 3 or above (randomised,
    /// comparison-group, or correlational with controls) found a positive,
    /// significant effect.
    NoQualifyingStudy,
    /// Studies of such a design whose effect was not positive and
    /// significant as reported.
    NotSignificant { count: u32 },
    /// Reports whose design supports no tier above 4: pre/post,
    /// correlational without controls for selection bias, no outcome.
    WeakDesigns { count: u32 },
    /// Tier 3 from correlational studies only: tier 2 needs a
    /// comparison-group or randomised study.
    NoComparisonStudy,
    /// Tier 2: tier 1 needs a randomised study.
    NoRandomisedStudy,
    /// The largest study that could reach the next tier has too few
    /// students.
    TooFewStudents { study: Study, needed: u32 },
    /// The largest study that could reach the next tier ran in too few
    /// sites.
    TooFewSites { study: Study, needed: u32 },
}

impl Reason {
    /// The reason's kind, as serialised (`tier-reason-<kind>` words it).
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::NoTrials => "no_trials",
            Reason::NoLogicModel => "no_logic_model",
            Reason::Rationale => "rationale",
            Reason::Supports { .. } => "supports",
            Reason::NegativeNotOverriding { .. } => "negative_not_overriding",
            Reason::Overridden { .. } => "overridden",
            Reason::NoQualifyingStudy => "no_qualifying_study",
            Reason::NotSignificant { .. } => "not_significant",
            Reason::WeakDesigns { .. } => "weak_designs",
            Reason::NoComparisonStudy => "no_comparison_study",
            Reason::NoRandomisedStudy => "no_randomised_study",
            Reason::TooFewStudents { .. } => "too_few_students",
            Reason::TooFewSites { .. } => "too_few_sites",
        }
    }
}

/// The study's sample is large and multi-site.
fn large(e: &Evidence) -> bool {
    e.sample_size.is_some_and(|n| n >= LARGE_SAMPLE) && e.sites.is_some_and(|s| s >= MULTI_SITE)
}

/// The level a study's design and sample meet were its effect positive and
/// significant; `None`: its design supports no tier above 4.
pub fn level(e: &Evidence) -> Option<Tier> {
    match e.design {
        Design::Randomised if large(e) => Some(Tier::Strong),
        Design::Comparison if large(e) => Some(Tier::Moderate),
        Design::Randomised | Design::Comparison => Some(Tier::Promising),
        Design::Correlational if e.controls_for_selection => Some(Tier::Promising),
        Design::Correlational | Design::PrePost | Design::None => None,
    }
}

fn significant(e: &Evidence, direction: EffectDirection) -> bool {
    e.effect_direction == Some(direction) && e.significant == Some(true)
}

/// Of studies, the one at the strongest level, the largest among those.
fn strongest<'a>(
    studies: impl Iterator<Item = (&'a Evidence, Tier)>,
) -> Option<(&'a Evidence, Tier)> {
    studies.min_by(|(a, ta), (b, tb)| {
        ta.cmp(tb)
            .then_with(|| b.sample_size.unwrap_or(0).cmp(&a.sample_size.unwrap_or(0)))
            .then_with(|| b.sites.unwrap_or(0).cmp(&a.sites.unwrap_or(0)))
    })
}

/// What keeps `e` (a positive, significant study that could reach the next
/// tier by its design) from it.
fn shortfall(e: &Evidence, reasons: &mut Vec<Reason>) {
    if e.sample_size.is_none_or(|n| n < LARGE_SAMPLE) {
        reasons.push(Reason::TooFewStudents {
            study: Study::of(e),
            needed: LARGE_SAMPLE,
        });
    }
    if e.sites.is_none_or(|s| s < MULTI_SITE) {
        reasons.push(Reason::TooFewSites {
            study: Study::of(e),
            needed: MULTI_SITE,
        });
    }
}

/// The largest of the positive, significant studies of `design`.
fn largest<'a>(positive: &[(&'a Evidence, Tier)], design: &[Design]) -> Option<&'a Evidence> {
    positive
        .iter()
        .filter(|(e, _)| design.contains(&e.design))
        .max_by(|(a, _), (b, _)| {
            let key = |e: &Evidence| {
                (
                    e.sample_size.unwrap_or(0).min(LARGE_SAMPLE),
                    e.sites.unwrap_or(0).min(MULTI_SITE),
                    e.sample_size.unwrap_or(0),
                )
            };
            key(a).cmp(&key(b))
        })
        .map(|(e, _)| *e)
}

/// The tier the reports support, given whether the practice has a logic
/// model.
pub fn propose(logic_model: bool, reports: &[Evidence]) -> Proposal {
    let leveled: Vec<(&Evidence, Tier)> = reports
        .iter()
        .filter_map(|e| level(e).map(|t| (e, t)))
        .collect();
    let positive: Vec<(&Evidence, Tier)> = leveled
        .iter()
        .copied()
        .filter(|(e, _)| significant(e, EffectDirection::Positive))
        .collect();
    let negative = strongest(
        leveled
            .iter()
            .copied()
            .filter(|(e, _)| significant(e, EffectDirection::Negative)),
    );
    let best = strongest(positive.iter().copied());
    let mut reasons = Vec::new();

    if let Some((study, tier)) = best {
        match negative {
            Some((neg, neg_tier)) if neg_tier <= tier => {
                reasons.push(Reason::Overridden {
                    study: Study::of(neg),
                });
            }
            _ => {
                reasons.push(Reason::Supports {
                    study: Study::of(study),
                });
                if let Some((neg, _)) = negative {
                    reasons.push(Reason::NegativeNotOverriding {
                        study: Study::of(neg),
                    });
                }
                match tier {
                    Tier::Strong | Tier::Rationale => {}
                    Tier::Moderate => match largest(&positive, &[Design::Randomised]) {
                        Some(e) => shortfall(e, &mut reasons),
                        None => reasons.push(Reason::NoRandomisedStudy),
                    },
                    Tier::Promising => {
                        match largest(&positive, &[Design::Comparison, Design::Randomised]) {
                            Some(e) => shortfall(e, &mut reasons),
                            None => reasons.push(Reason::NoComparisonStudy),
                        }
                    }
                }
                return Proposal {
                    tier: Some(tier),
                    reasons,
                };
            }
        }
    }

    // No tier from 1 to 3: tier 4 when there is a rationale and a trial.
    let mut head = Vec::new();
    let tier = if logic_model && !reports.is_empty() {
        head.push(Reason::Rationale);
        Some(Tier::Rationale)
    } else {
        if !logic_model {
            head.push(Reason::NoLogicModel);
        }
        if reports.is_empty() {
            head.push(Reason::NoTrials);
        }
        None
    };
    if !reports.is_empty() {
        if reasons.is_empty() {
            reasons.push(Reason::NoQualifyingStudy);
        }
        let unsupported = leveled.len() - positive.len();
        if unsupported > 0 {
            reasons.push(Reason::NotSignificant {
                count: u32::try_from(unsupported).unwrap_or(u32::MAX),
            });
        }
        let weak = reports.len() - leveled.len();
        if weak > 0 {
            reasons.push(Reason::WeakDesigns {
                count: u32::try_from(weak).unwrap_or(u32::MAX),
            });
        }
    }
    head.extend(reasons);
    Proposal {
        tier,
        reasons: head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn study(design: Design, students: u32, sites: u32, direction: EffectDirection) -> Evidence {
        Evidence {
            design,
            controls_for_selection: false,
            sample_size: Some(students),
            comparison_size: Some(students / 2),
            sites: Some(sites),
            measure: Some("state reading test".into()),
            effect_direction: Some(direction),
            effect_size_centi: Some(if direction == EffectDirection::Negative {
                -20
            } else {
                20
            }),
            significant: Some(true),
        }
    }

    fn positive(design: Design, students: u32, sites: u32) -> Evidence {
        study(design, students, sites, EffectDirection::Positive)
    }

    fn negative(design: Design, students: u32, sites: u32) -> Evidence {
        study(design, students, sites, EffectDirection::Negative)
    }

    fn controlled(students: u32) -> Evidence {
        Evidence {
            controls_for_selection: true,
            ..positive(Design::Correlational, students, 1)
        }
    }

    fn has(p: &Proposal, kind: &str) -> bool {
        p.reasons.iter().any(|r| r.kind() == kind)
    }

    #[test]
    fn nothing_without_trials() {
        let p = propose(true, &[]);
        assert_eq!(p.tier, None);
        assert_eq!(p.reasons, vec![Reason::NoTrials]);
        let p = propose(false, &[]);
        assert_eq!(p.reasons, vec![Reason::NoLogicModel, Reason::NoTrials]);
    }

    #[test]
    fn tier_4_needs_a_logic_model_and_a_trial() {
        let p = propose(true, &[Evidence::none()]);
        assert_eq!(p.tier, Some(Tier::Rationale));
        assert_eq!(
            p.reasons,
            vec![
                Reason::Rationale,
                Reason::NoQualifyingStudy,
                Reason::WeakDesigns { count: 1 }
            ]
        );
        let p = propose(false, &[Evidence::none()]);
        assert_eq!(p.tier, None);
        assert_eq!(p.reasons[0], Reason::NoLogicModel);
        assert!(has(&p, "weak_designs"));
    }

    #[test]
    fn pre_post_and_uncontrolled_correlation_support_nothing_above_4() {
        let pre_post = positive(Design::PrePost, 900, 5);
        let uncontrolled = positive(Design::Correlational, 900, 5);
        let p = propose(true, &[pre_post.clone(), uncontrolled]);
        assert_eq!(p.tier, Some(Tier::Rationale));
        assert!(p.reasons.contains(&Reason::WeakDesigns { count: 2 }));
        assert_eq!(propose(false, &[pre_post]).tier, None);
    }

    #[test]
    fn tier_3_from_a_controlled_correlational_study() {
        let p = propose(false, &[controlled(80)]);
        assert_eq!(p.tier, Some(Tier::Promising));
        assert_eq!(
            p.reasons,
            vec![
                Reason::Supports {
                    study: Study::of(&controlled(80))
                },
                Reason::NoComparisonStudy
            ]
        );
    }

    #[test]
    fn non_significant_effects_support_nothing() {
        let mut e = positive(Design::Comparison, 500, 3);
        e.significant = Some(false);
        let mut unknown = positive(Design::Randomised, 500, 3);
        unknown.significant = None;
        let mut flat = positive(Design::Randomised, 500, 3);
        flat.effect_direction = Some(EffectDirection::None);
        let p = propose(true, &[e, unknown, flat]);
        assert_eq!(p.tier, Some(Tier::Rationale));
        assert!(p.reasons.contains(&Reason::NotSignificant { count: 3 }));
        assert!(has(&p, "no_qualifying_study"));
    }

    #[test]
    fn comparison_349_students_is_tier_3_and_350_is_tier_2() {
        let small = positive(Design::Comparison, 349, 2);
        let p = propose(true, std::slice::from_ref(&small));
        assert_eq!(p.tier, Some(Tier::Promising));
        assert_eq!(
            p.reasons,
            vec![
                Reason::Supports {
                    study: Study::of(&small)
                },
                Reason::TooFewStudents {
                    study: Study::of(&small),
                    needed: 350
                }
            ]
        );
        let p = propose(true, &[positive(Design::Comparison, 350, 2)]);
        assert_eq!(p.tier, Some(Tier::Moderate));
        assert!(p.reasons.contains(&Reason::NoRandomisedStudy));
    }

    #[test]
    fn one_site_is_tier_3_and_two_sites_tier_2() {
        let one = positive(Design::Comparison, 1200, 1);
        let p = propose(false, std::slice::from_ref(&one));
        assert_eq!(p.tier, Some(Tier::Promising));
        assert_eq!(
            p.reasons[1],
            Reason::TooFewSites {
                study: Study::of(&one),
                needed: 2
            }
        );
        assert_eq!(p.reasons.len(), 2);
        assert_eq!(
            propose(false, &[positive(Design::Comparison, 1200, 2)]).tier,
            Some(Tier::Moderate)
        );
    }

    #[test]
    fn sites_not_reported_are_not_two() {
        let mut e = positive(Design::Randomised, 800, 2);
        e.sites = None;
        let p = propose(false, &[e]);
        assert_eq!(p.tier, Some(Tier::Promising));
        assert!(has(&p, "too_few_sites"));
    }

    #[test]
    fn randomised_large_multi_site_is_tier_1_and_small_is_3() {
        assert_eq!(
            propose(false, &[positive(Design::Randomised, 350, 2)]).tier,
            Some(Tier::Strong)
        );
        let p = propose(false, &[positive(Design::Randomised, 349, 4)]);
        assert_eq!(p.tier, Some(Tier::Promising));
        assert!(has(&p, "too_few_students"));
        // A large comparison study and a small randomised one: tier 2, and
        // the randomised one's shortfall is what keeps it from tier 1.
        let small_rct = positive(Design::Randomised, 120, 1);
        let p = propose(
            false,
            &[positive(Design::Comparison, 400, 3), small_rct.clone()],
        );
        assert_eq!(p.tier, Some(Tier::Moderate));
        assert!(p.reasons.contains(&Reason::TooFewStudents {
            study: Study::of(&small_rct),
            needed: 350
        }));
        assert!(p.reasons.contains(&Reason::TooFewSites {
            study: Study::of(&small_rct),
            needed: 2
        }));
    }

    #[test]
    fn a_negative_effect_of_the_same_level_overrides() {
        let p = propose(
            true,
            &[
                positive(Design::Comparison, 400, 2),
                negative(Design::Comparison, 360, 3),
            ],
        );
        assert_eq!(p.tier, Some(Tier::Rationale));
        assert!(p.reasons.contains(&Reason::Overridden {
            study: Study::of(&negative(Design::Comparison, 360, 3))
        }));
        // Without a logic model: nothing.
        let p = propose(
            false,
            &[controlled(90), negative(Design::Randomised, 400, 2)],
        );
        assert_eq!(p.tier, None);
        assert!(has(&p, "overridden"));
    }

    #[test]
    fn a_negative_effect_of_a_stronger_design_overrides_a_weaker_positive() {
        let p = propose(
            false,
            &[controlled(200), negative(Design::Comparison, 100, 1)],
        );
        assert_eq!(p.tier, None);
        assert!(has(&p, "overridden"));
    }

    #[test]
    fn a_negative_effect_of_a_weaker_study_does_not_override() {
        let neg = negative(Design::Comparison, 120, 1);
        let p = propose(false, &[positive(Design::Comparison, 400, 2), neg.clone()]);
        assert_eq!(p.tier, Some(Tier::Moderate));
        assert!(p.reasons.contains(&Reason::NegativeNotOverriding {
            study: Study::of(&neg)
        }));
        // A negative pre/post study meets no level: it overrides nothing.
        let p = propose(false, &[controlled(60), negative(Design::PrePost, 900, 3)]);
        assert_eq!(p.tier, Some(Tier::Promising));
        // Nor does a negative effect not reported as significant.
        let mut unsure = negative(Design::Randomised, 900, 3);
        unsure.significant = Some(false);
        assert_eq!(
            propose(false, &[controlled(60), unsure]).tier,
            Some(Tier::Promising)
        );
    }

    #[test]
    fn reasons_round_trip_as_json() {
        let p = propose(true, &[positive(Design::Comparison, 349, 1)]);
        let json = serde_json::to_string(&p.reasons).unwrap();
        assert!(json.contains("\"kind\":\"too_few_students\""), "{json}");
        let back: Vec<Reason> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p.reasons);
        for r in &p.reasons {
            assert!(serde_json::to_string(r).unwrap().contains(r.kind()));
        }
    }
}
