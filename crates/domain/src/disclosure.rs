//! Small-cell suppression: counts shown outside the programme team.
//!
//! The rule (issues 20 and 21): outside the programme team every count under
//! [`MIN_CELL`] shows as "<10", and no published total lets a hidden count be
//! worked out; where one could be, more counts are withheld (complementary
//! suppression).
//!
//! What a reader learns from each published count, and so what [`revealing`],
//! [`derivable`] and [`pinned`] assume an attacker knows:
//! - `Shown(n)`: the count is `n`;
//! - `Small` ("<10"): the count is 0 to 9. Zero is a count under ten and reads
//!   "<10" like the rest: a printed zero would narrow its neighbours;
//! - `Withheld` ("suppressed"): the count is 10 or more, since a smaller one
//!   would read "<10". The rendering tells the two apart, so that is
//!   information, and the audit counts it.
//!
//! Totals are counts too: in a [`Table`] a row's, a column's or the grand
//! total under ten reads "<10", and a total may be withheld like a cell.
//!
//! Dashboards publish several lines that share counts: a district's total
//! by school (with those at the district itself), the same total by school
//! locale, and — a school's locale being public — each locale's count by
//! school. Subtracting across them can give a count away that each line
//! alone hides. [`suppress_system`] publishes such a system of [`Line`]s
//! with this guarantee: for every hidden count it has found another set of
//! whole numbers that agrees with everything published and differs in that
//! count, so no reader, however they reason, works out its exact value from
//! these lines. Its limits: it protects exact values, not ranges (a "<10"
//! may still be known to be 8 or 9); it knows only the lines it is given
//! (anything else published from the same counts — another page, a CSV —
//! must be among them); a count the lines fix whatever is published (a
//! locale with no school) is left as it is; and where its bounded search
//! finds no other set it withholds more, so it may hide more than needed.
//! [`pinned`] is the cheaper attacker it asks first: interval propagation,
//! which never names a count that can move but misses some that cannot.

use std::collections::VecDeque;

/// Fewest people or reports a published count may show: smaller counts are "<10".
pub const MIN_CELL: u64 = 10;

/// One count as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(u64),
    /// Under [`MIN_CELL`] (zero included): "<10".
    Small,
    /// Hidden although not small, so that no small count can be worked out
    /// from the totals (complementary suppression). A reader knows it is at
    /// least [`MIN_CELL`].
    Withheld,
}

impl Cell {
    pub fn text(self) -> String {
        match self {
            Cell::Shown(n) => n.to_string(),
            Cell::Small => format!("<{MIN_CELL}"),
            Cell::Withheld => "suppressed".into(),
        }
    }

    /// Primary suppression alone.
    fn primary(n: u64) -> Cell {
        if n < MIN_CELL {
            Cell::Small
        } else {
            Cell::Shown(n)
        }
    }

    /// The values a reader knows this count may take, before any total is
    /// read: `None` above means no bound.
    fn range(self) -> (u64, Option<u64>) {
        match self {
            Cell::Shown(n) => (n, Some(n)),
            Cell::Small => (0, Some(MIN_CELL - 1)),
            Cell::Withheld => (MIN_CELL, None),
        }
    }
}

// ---------------------------------------------------------------------------
// One line of counts with its published total.

/// What a reader of the published group learns of a hidden cell: its
/// lowest and highest possible values.
fn bounds(c: Cell, total: u64) -> (u64, u64) {
    let (lo, hi) = c.range();
    (lo, hi.unwrap_or(total))
}

/// Some hidden cell of the group can be worked out exactly from the
/// total and the cells shown (its possible range is a single value). With
/// one equation and a range per cell this is exact.
pub fn revealing(cells: &[Cell], total: u64) -> bool {
    let shown: u64 = cells
        .iter()
        .filter_map(|c| {
            if let Cell::Shown(n) = c {
                Some(*n)
            } else {
                None
            }
        })
        .sum();
    let hidden: Vec<(u64, u64)> = cells
        .iter()
        .filter(|c| !matches!(c, Cell::Shown(_)))
        .map(|c| bounds(*c, total))
        .collect();
    let Some(rest) = total.checked_sub(shown) else {
        return true;
    };
    hidden.iter().enumerate().any(|(i, &(lo, hi))| {
        let others_lo: u64 = hidden
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, b)| b.0)
            .sum();
        let others_hi: u64 = hidden
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, b)| b.1)
            .sum();
        let min = lo.max(rest.saturating_sub(others_hi));
        let max = hi.min(rest.saturating_sub(others_lo));
        min >= max
    })
}

/// Publishes one group of counts that add up to `total` (a row's counts
/// by locale, say): every count under [`MIN_CELL`] is `Small`, then the
/// smallest shown counts are withheld until no hidden one can be worked
/// out by subtraction. `None` when the group cannot be protected while the
/// total is shown: the caller hides the whole row. The total itself is the
/// caller's to show or hide.
pub fn suppress(counts: &[u64], total: u64) -> Option<Vec<Cell>> {
    let mut cells: Vec<Cell> = counts.iter().map(|&n| Cell::primary(n)).collect();
    if cells.iter().all(|c| matches!(c, Cell::Shown(_))) {
        return Some(cells);
    }
    while revealing(&cells, total) {
        let smallest = cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                if let Cell::Shown(n) = c {
                    Some((n, i))
                } else {
                    None
                }
            })
            .min()?
            .1;
        cells[smallest] = Cell::Withheld;
    }
    Some(cells)
}

// ---------------------------------------------------------------------------
// A table with row, column and grand totals.

/// A table as published: rows × columns of counts (categories by month,
/// say), each row's total, each column's total and the grand total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub cells: Vec<Vec<Cell>>,
    pub row_totals: Vec<Cell>,
    pub column_totals: Vec<Cell>,
    pub total: Cell,
}

/// One published count of a [`Table`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Entry {
    Cell { row: usize, column: usize },
    RowTotal(usize),
    ColumnTotal(usize),
    Total,
}

/// The table with its totals as one grid of `(rows + 1) × (columns + 1)`
/// counts, row by row: the last column holds the rows' totals, the last row
/// the columns' totals, the corner the grand total. Each row and each
/// column of the grid is a "line": its last count is the sum of the others.
/// Position in the grid breaks ties, so every server renders the same table.
struct Grid {
    rows: usize,
    columns: usize,
}

impl Grid {
    fn width(&self) -> usize {
        self.columns + 1
    }

    fn len(&self) -> usize {
        (self.rows + 1) * self.width()
    }

    /// Every line's positions: the grid's rows, then its columns.
    fn lines(&self) -> impl Iterator<Item = Vec<usize>> + '_ {
        let w = self.width();
        let rows = (0..=self.rows).map(move |i| (i * w..(i + 1) * w).collect());
        let columns = (0..w).map(move |j| (0..=self.rows).map(|i| i * w + j).collect());
        rows.chain(columns)
    }

    fn position(&self, e: Entry) -> usize {
        let w = self.width();
        match e {
            Entry::Cell { row, column } => row * w + column,
            Entry::RowTotal(i) => i * w + self.columns,
            Entry::ColumnTotal(j) => self.rows * w + j,
            Entry::Total => self.rows * w + self.columns,
        }
    }

    fn table(&self, grid: &[Cell]) -> Table {
        let w = self.width();
        Table {
            cells: (0..self.rows)
                .map(|i| grid[i * w..i * w + self.columns].to_vec())
                .collect(),
            row_totals: (0..self.rows).map(|i| grid[i * w + self.columns]).collect(),
            column_totals: grid[self.rows * w..self.rows * w + self.columns].to_vec(),
            total: grid[self.rows * w + self.columns],
        }
    }
}

/// The shown count at one of `positions` that is smallest (first by
/// position among equals): the cheapest to withhold.
fn smallest_shown(grid: &[Cell], positions: impl Iterator<Item = usize>) -> Option<usize> {
    positions
        .filter_map(|p| match grid[p] {
            Cell::Shown(n) => Some((n, p)),
            _ => None,
        })
        .min()
        .map(|(_, p)| p)
}

/// Publishes a table of counts (`counts[row][column]`, every row as long)
/// with its row, column and grand totals.
///
/// Every count under [`MIN_CELL`], totals included, is `Small`. Then, until
/// nothing changes: a line (a row or column with its total) with exactly one
/// hidden count gives it away by subtraction, so its smallest shown count is
/// withheld too; once every line has none or at least two, [`derivable`]
/// checks the whole table (two hidden counts per line are not always enough:
/// two blocks of hidden counts joined by one cell, or "<10"s that must all
/// be 9 to reach a total), and the smallest shown count in a line of the
/// first count it finds is withheld. Each round withholds one more count, so
/// this ends, at worst with everything hidden, which gave nothing away in
/// every table the tests tried (a table with no rows or no columns aside:
/// its totals are zero by construction).
///
/// # Panics
/// When the rows differ in length.
pub fn suppress_table(counts: &[Vec<u64>]) -> Table {
    let g = Grid {
        rows: counts.len(),
        columns: counts.first().map_or(0, Vec::len),
    };
    assert!(
        counts.iter().all(|r| r.len() == g.columns),
        "every row of a table has as many columns"
    );
    let w = g.width();
    let mut n = vec![0u64; g.len()];
    for (i, row) in counts.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            n[i * w + j] = v;
            n[i * w + g.columns] += v;
            n[g.rows * w + j] += v;
            n[g.rows * w + g.columns] += v;
        }
    }
    let mut grid: Vec<Cell> = n.into_iter().map(Cell::primary).collect();
    loop {
        let lone = g.lines().find_map(|line| {
            let hidden = line
                .iter()
                .filter(|&&p| !matches!(grid[p], Cell::Shown(_)))
                .count();
            if hidden == 1 {
                smallest_shown(&grid, line.into_iter())
            } else {
                None
            }
        });
        if let Some(p) = lone {
            grid[p] = Cell::Withheld;
            continue;
        }
        let table = g.table(&grid);
        let Some(&first) = derivable(&table).first() else {
            return table;
        };
        let p = g.position(first);
        let (i, j) = (p / w, p % w);
        let near = (i * w..(i + 1) * w).chain((0..=g.rows).map(|k| k * w + j));
        match smallest_shown(&grid, near).or_else(|| smallest_shown(&grid, 0..g.len())) {
            Some(p) => grid[p] = Cell::Withheld,
            None => return table,
        }
    }
}

/// The audit: every hidden count of a published table that a reader can
/// work out exactly (the same in every table of whole numbers consistent
/// with what is shown), in grid order (row by row, each row's total after
/// its cells, the column totals and the grand total last). Empty is what
/// publishing needs. A table nothing could have produced counts as giving
/// everything away.
///
/// This is exact, not a heuristic. A table with its totals is a circulation
/// in a network: a source sends each row its total, each row sends each
/// column its cell, each column sends a sink its total, and the sink returns
/// the grand total to the source; every equation the totals give is one
/// node's inflow equal to its outflow. Each count is then the flow on one arc
/// whose bounds are what the reader knows of it (see the module's words), and
/// the constraint matrix is totally unimodular. So: find one consistent table
/// (a feasible circulation, by maximum flow); another consistent table
/// differs from it by a sum of cycles each of which alone stays within the
/// bounds; so a hidden count can take another value exactly when one more or
/// one fewer on it closes a cycle in the residual network, that is when its
/// head reaches its tail (or the reverse) without it. This covers both what
/// the equations fix alone and what bounds pin (two "<10"s in a row whose
/// remainder is 0 or 18).
///
/// # Panics
/// When the table's rows, row totals and column totals disagree in size.
pub fn derivable(t: &Table) -> Vec<Entry> {
    let (rows, columns) = (t.cells.len(), t.column_totals.len());
    // Nodes: 0 the source, 1 the sink, then the rows, then the columns.
    let (row, column) = (|i: usize| 2 + i, |j: usize| 2 + rows + j);
    let nodes = 2 + rows + columns;
    // Arcs in grid order: (entry, count, tail, head).
    let mut arcs = Vec::with_capacity((rows + 1) * (columns + 1));
    for i in 0..rows {
        for j in 0..columns {
            let e = Entry::Cell { row: i, column: j };
            arcs.push((e, t.cells[i][j], row(i), column(j)));
        }
        arcs.push((Entry::RowTotal(i), t.row_totals[i], 0, row(i)));
    }
    for j in 0..columns {
        arcs.push((Entry::ColumnTotal(j), t.column_totals[j], column(j), 1));
    }
    arcs.push((Entry::Total, t.total, 1, 0));

    // Every arc at its lower bound leaves some nodes with more in than out;
    // a flow from a super source to a super sink over the hidden arcs'
    // slack must even them out.
    let (src, sink) = (nodes, nodes + 1);
    let mut net = Network::new(nodes + 2);
    let mut balance = vec![0i128; nodes];
    // Hidden arcs: (entry, tail, head, low, high, arc in `net`).
    let mut hidden = Vec::new();
    for &(e, c, u, v) in &arcs {
        let (lo, hi) = c.range();
        let (lo, hi) = (i128::from(lo), hi.map(i128::from));
        balance[v] += lo;
        balance[u] -= lo;
        if !matches!(c, Cell::Shown(_)) {
            let a = net.arc(u, v, hi.map_or(INFINITE, |h| h - lo));
            hidden.push((e, u, v, lo, hi, a));
        }
    }
    let mut need = 0;
    for (v, &b) in balance.iter().enumerate() {
        if b > 0 {
            net.arc(src, v, b);
            need += b;
        } else if b < 0 {
            net.arc(v, sink, -b);
        }
    }
    if net.max_flow(src, sink) < need {
        return hidden.iter().map(|h| h.0).collect();
    }

    // The residual network of that table over the hidden arcs: an arc may
    // carry one more (tail to head) below its upper bound, one fewer (head
    // to tail) above its lower bound.
    let mut residual: Vec<Vec<(usize, usize)>> = vec![Vec::new(); nodes];
    let mut moves = Vec::with_capacity(hidden.len());
    for (k, &(_, u, v, lo, hi, a)) in hidden.iter().enumerate() {
        let f = lo + net.cap[a ^ 1];
        let (up, down) = (hi.is_none_or(|h| f < h), f > lo);
        if up {
            residual[u].push((v, k));
        }
        if down {
            residual[v].push((u, k));
        }
        moves.push((up, down));
    }
    hidden
        .iter()
        .zip(moves)
        .enumerate()
        .filter(|&(k, (&(_, u, v, ..), (up, down)))| {
            let free = (up && reaches(&residual, v, u, k)) || (down && reaches(&residual, u, v, k));
            !free
        })
        .map(|(_, (h, _))| h.0)
        .collect()
}

/// `to` can be reached from `from` without hidden arc `skip`.
fn reaches(residual: &[Vec<(usize, usize)>], from: usize, to: usize, skip: usize) -> bool {
    let mut seen = vec![false; residual.len()];
    let mut queue = VecDeque::from([from]);
    seen[from] = true;
    while let Some(u) = queue.pop_front() {
        if u == to {
            return true;
        }
        for &(v, k) in &residual[u] {
            if k != skip && !seen[v] {
                seen[v] = true;
                queue.push_back(v);
            }
        }
    }
    false
}

/// No bound above: more than any flow here can carry.
const INFINITE: i128 = i128::MAX / 4;

/// A flow network for [`derivable`]: arcs in pairs, forward and backward
/// (`a ^ 1`), with the capacity each has left.
struct Network {
    out: Vec<Vec<usize>>,
    head: Vec<usize>,
    cap: Vec<i128>,
}

impl Network {
    fn new(nodes: usize) -> Self {
        Network {
            out: vec![Vec::new(); nodes],
            head: Vec::new(),
            cap: Vec::new(),
        }
    }

    fn arc(&mut self, u: usize, v: usize, cap: i128) -> usize {
        let a = self.head.len();
        self.out[u].push(a);
        self.head.push(v);
        self.cap.push(cap);
        self.out[v].push(a + 1);
        self.head.push(u);
        self.cap.push(0);
        a
    }

    /// Edmonds–Karp: shortest augmenting paths until none is left.
    fn max_flow(&mut self, s: usize, t: usize) -> i128 {
        let mut total = 0;
        loop {
            let mut via: Vec<Option<usize>> = vec![None; self.out.len()];
            let mut queue = VecDeque::from([s]);
            while let Some(u) = queue.pop_front() {
                for &a in &self.out[u] {
                    let v = self.head[a];
                    if self.cap[a] > 0 && v != s && via[v].is_none() {
                        via[v] = Some(a);
                        queue.push_back(v);
                    }
                }
            }
            if via[t].is_none() {
                return total;
            }
            let mut path = Vec::new();
            let mut v = t;
            while let Some(a) = via[v] {
                path.push(a);
                v = self.head[a ^ 1];
            }
            let push = path.iter().map(|&a| self.cap[a]).min().unwrap_or(0);
            for a in path {
                self.cap[a] -= push;
                self.cap[a ^ 1] += push;
            }
            total += push;
        }
    }
}

// ---------------------------------------------------------------------------
// A system of published lines that share counts.

/// One published sum: `counts[total]` is the sum of `counts[parts]`, as
/// indexes into a system's counts. A count may be the total of some lines
/// and a part of others (a district's rural count: a part of its total by
/// locale, the total of its rural schools).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub total: usize,
    pub parts: Vec<usize>,
}

impl Line {
    /// Every count of the line, its total first.
    fn counts(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.total).chain(self.parts.iter().copied())
    }

    fn holds(&self, counts: &[u64]) -> bool {
        let parts: u128 = self.parts.iter().map(|&p| u128::from(counts[p])).sum();
        parts == u128::from(counts[self.total])
    }
}

/// What is known of a count: `lo..=hi`, no `hi` for no bound above.
/// Signed and wide, so differences and sums neither wrap nor overflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bounds {
    lo: i128,
    hi: Option<i128>,
}

impl Bounds {
    /// What a reader knows of a count from its cell alone.
    fn of(c: Cell) -> Self {
        let (lo, hi) = c.range();
        Bounds {
            lo: lo.into(),
            hi: hi.map(i128::from),
        }
    }

    fn exactly(v: i128) -> Self {
        Bounds { lo: v, hi: Some(v) }
    }

    fn is_empty(self) -> bool {
        self.hi.is_some_and(|h| self.lo > h)
    }

    fn is_single(self) -> bool {
        self.hi == Some(self.lo)
    }

    /// Narrows to `lo..`: whether that changed anything.
    fn raise(&mut self, lo: i128) -> bool {
        let changed = lo > self.lo;
        self.lo = self.lo.max(lo);
        changed
    }

    /// Narrows to `..=hi`: whether that changed anything.
    fn lower(&mut self, hi: i128) -> bool {
        let changed = self.hi.is_none_or(|h| hi < h);
        if changed {
            self.hi = Some(hi);
        }
        changed
    }
}

/// How interval propagation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Propagation {
    /// Nothing narrows further.
    Settled,
    /// Some count has no value left: the counts cannot all hold.
    Contradiction,
    /// Still narrowing after the rounds allowed.
    Unsettled,
}

/// Rounds [`pinned`] allows interval propagation. Published numbers that
/// hold settle in a few; those that contradict each other may climb
/// without end (two withheld counts each said to exceed the other).
const ROUNDS: usize = 10_000;

/// Narrows every count's bounds by every line until nothing changes: a
/// total lies between its parts' sums of lows and highs; a part between the
/// total's low less the others' highs and the total's high less the
/// others' lows. Each bound it reaches holds for every set of counts that
/// agrees with the lines, so a count narrowed to one value is given away.
fn propagate(b: &mut [Bounds], lines: &[Line], rounds: usize) -> Propagation {
    for _ in 0..rounds {
        let mut changed = false;
        for line in lines {
            match tighten(b, line) {
                Some(c) => changed |= c,
                None => return Propagation::Contradiction,
            }
        }
        if !changed {
            return Propagation::Settled;
        }
    }
    Propagation::Unsettled
}

/// One line's narrowing, in one pass (what it narrows is read in the next
/// round): whether anything changed, `None` for a contradiction.
fn tighten(b: &mut [Bounds], line: &Line) -> Option<bool> {
    let lo_sum: i128 = line.parts.iter().map(|&p| b[p].lo).sum();
    // Highs: the sum of the bounded ones and how many have none.
    let hi_sum: i128 = line.parts.iter().filter_map(|&p| b[p].hi).sum();
    let unbounded = line.parts.iter().filter(|&&p| b[p].hi.is_none()).count();
    let t = line.total;
    let mut changed = b[t].raise(lo_sum);
    if unbounded == 0 {
        changed |= b[t].lower(hi_sum);
    }
    if b[t].is_empty() {
        return None;
    }
    let total = b[t];
    for &p in &line.parts {
        let own = b[p];
        let others_lo = lo_sum - own.lo;
        let others_hi = match own.hi {
            Some(h) if unbounded == 0 => Some(hi_sum - h),
            None if unbounded == 1 => Some(hi_sum),
            _ => None,
        };
        if let Some(oh) = others_hi {
            changed |= b[p].raise(total.lo - oh);
        }
        if let Some(th) = total.hi {
            changed |= b[p].lower(th - others_lo);
        }
        if b[p].is_empty() {
            return None;
        }
    }
    Some(changed)
}

/// The attacker [`suppress_system`] first guards against: every hidden
/// count (`Small` or `Withheld`) that interval propagation over `lines`
/// narrows to one value, from what a reader knows of each count (see the
/// module's words), in index order. Numbers that contradict each other, or
/// that do not settle within the rounds allowed, count as giving every
/// hidden count away.
///
/// What it names is given away (each bound holds for every set of counts
/// that agrees with what is published), but it may miss some: it reads one
/// line at a time, never a line less another (two lines sharing a withheld
/// total), nor whole numbers. [`suppress_system`] checks more than this.
///
/// # Panics
/// When a line names a count beyond `cells`.
pub fn pinned(cells: &[Cell], lines: &[Line]) -> Vec<usize> {
    let mut b: Vec<Bounds> = cells.iter().map(|&c| Bounds::of(c)).collect();
    let settled = propagate(&mut b, lines, ROUNDS) == Propagation::Settled;
    (0..cells.len())
        .filter(|&i| !matches!(cells[i], Cell::Shown(_)) && (!settled || b[i].is_single()))
        .collect()
}

/// Publishes a system of counts that lines share (a district's total by
/// school and by locale, each locale's count by school): every count under
/// [`MIN_CELL`] is `Small`; then, while some hidden count is given away,
/// the smallest shown count (first by index among equals) of the lines
/// holding one is withheld — any shown count when those lines show none.
///
/// A hidden count is given away when [`pinned`] names it, or when no other
/// set of whole numbers is found that agrees with everything published
/// (each shown count, "<10" under ten, withheld at least ten, every line
/// adding up) and differs in it, by a bounded search near the true
/// values. So every hidden
/// count it publishes comes with such a set: no reader, however they
/// reason, can work out its exact value from these lines. A count the
/// lines give away even with everything hidden (the suburban count of a
/// district with no suburban school, a line with no parts) is the
/// structure's, known before anything is published: it is left as it is.
///
/// Each round withholds one more count, so it ends, at worst with
/// everything hidden. It protects exact values, not ranges (a "<10" may be
/// known to be 8 or 9), and only against these lines: anything published
/// elsewhere from the same counts must be among them.
///
/// # Panics
/// When a line names a count beyond `counts`; in debug builds, when the
/// counts do not add up as the lines say.
pub fn suppress_system(counts: &[u64], lines: &[Line]) -> Vec<Cell> {
    debug_assert!(
        lines.iter().all(|l| l.holds(counts)),
        "the counts add up as the lines say"
    );
    let mut cells: Vec<Cell> = counts.iter().map(|&n| Cell::primary(n)).collect();
    let mut audit = Alternatives::new(counts, lines);
    loop {
        let exposed = audit.exposed(&cells);
        if exposed.is_empty() {
            return cells;
        }
        match complement(&cells, lines, &exposed) {
            Some(p) => cells[p] = Cell::Withheld,
            None => return cells,
        }
    }
}

/// The count to withhold next: the smallest shown count (first by index
/// among equals) of the lines holding an exposed count, else of all.
fn complement(cells: &[Cell], lines: &[Line], exposed: &[usize]) -> Option<usize> {
    let near = lines
        .iter()
        .filter(|l| l.counts().any(|c| exposed.contains(&c)))
        .flat_map(Line::counts);
    smallest_shown(cells, near).or_else(|| smallest_shown(cells, 0..cells.len()))
}

/// Nodes one search for another set of counts may visit: past them it
/// gives up and the count is taken as given away (more withheld, never
/// less). A search that finds one fixes little more than the counts that
/// move, so a few hundred and a few a count leave ample room.
fn search_nodes(counts: usize) -> usize {
    256 + 4 * counts
}

/// Rounds of propagation at each node of the search: a branch that does
/// not settle in them is abandoned (the same side as above).
const SEARCH_ROUNDS: usize = 200;
/// How far from its true value the search tries a count: the nearer, the
/// sooner another set is found.
const SEARCH_SPREAD: i128 = 2 * MIN_CELL as i128;

/// The stronger attacker: for each hidden count, another set of whole
/// numbers agreeing with what is published in which that count differs —
/// found by search (propagation, then trying values near the true ones,
/// nearest first), so what it proves is proven, and what it cannot find in
/// its budget is taken as given away.
///
/// Propagation alone is not enough: published by it alone, about one
/// random system in five hundred of the tests' still gave a count away to
/// an exhaustive attacker (a line less another: a district's total by
/// school less its rural count is its other schools' sum).
///
/// A set found stays valid as more counts are withheld (withholding only
/// widens what a reader allows), so each count is proven once.
struct Alternatives<'a> {
    counts: &'a [u64],
    lines: &'a [Line],
    /// Counts shown to differ in some set that agrees with what is published.
    free: Vec<bool>,
    /// Counts given away even with everything hidden, once asked.
    structural: Vec<Option<bool>>,
}

impl<'a> Alternatives<'a> {
    fn new(counts: &'a [u64], lines: &'a [Line]) -> Self {
        Alternatives {
            counts,
            lines,
            free: vec![false; counts.len()],
            structural: vec![None; counts.len()],
        }
    }

    /// The hidden counts of `cells` given away, but for the structure's:
    /// those [`pinned`] names, else the first no other set frees.
    fn exposed(&mut self, cells: &[Cell]) -> Vec<usize> {
        let pinned: Vec<usize> = pinned(cells, self.lines)
            .into_iter()
            .filter(|&i| !self.free[i] && !self.is_structural(i))
            .collect();
        if !pinned.is_empty() {
            return pinned;
        }
        for i in 0..cells.len() {
            let settled = self.free[i] || self.structural[i] == Some(true);
            if matches!(cells[i], Cell::Shown(_)) || settled {
                continue;
            }
            match self.another(cells, i) {
                Some(set) => self.free_all(&set),
                None if !self.is_structural(i) => return vec![i],
                None => {}
            }
        }
        Vec::new()
    }

    /// Marks free every count that differs from the truth in `set`.
    fn free_all(&mut self, set: &[i128]) {
        for (i, &v) in set.iter().enumerate() {
            if v != i128::from(self.counts[i]) {
                self.free[i] = true;
            }
        }
    }

    /// Count `i` is given away even when every count is hidden.
    fn is_structural(&mut self, i: usize) -> bool {
        if let Some(s) = self.structural[i] {
            return s;
        }
        let all: Vec<Cell> = self
            .counts
            .iter()
            .map(|&n| {
                if n < MIN_CELL {
                    Cell::Small
                } else {
                    Cell::Withheld
                }
            })
            .collect();
        let s = pinned(&all, self.lines).contains(&i) || self.another(&all, i).is_none();
        self.structural[i] = Some(s);
        s
    }

    /// Another set of counts agreeing with `cells` and the lines in which
    /// count `i` is below its true value, else above it.
    fn another(&self, cells: &[Cell], i: usize) -> Option<Vec<i128>> {
        let truth = i128::from(self.counts[i]);
        let start: Vec<Bounds> = cells.iter().map(|&c| Bounds::of(c)).collect();
        [false, true].into_iter().find_map(|above| {
            let mut b = start.clone();
            if above {
                b[i].raise(truth + 1);
            } else {
                b[i].lower(truth - 1);
            }
            let mut budget = search_nodes(self.counts.len());
            (!b[i].is_empty())
                .then(|| self.search(b, &mut budget))
                .flatten()
        })
    }

    /// Depth first: propagate; if every open count at its true value (or
    /// the nearest its bounds allow) makes a set, that is the set; else fix
    /// the narrowest open count (first by index) of a line that does not
    /// add up, trying first the value that would make that line add up,
    /// then the values around it.
    fn search(&self, mut b: Vec<Bounds>, budget: &mut usize) -> Option<Vec<i128>> {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        if propagate(&mut b, self.lines, SEARCH_ROUNDS) != Propagation::Settled {
            return None;
        }
        let guess: Vec<i128> = b
            .iter()
            .zip(self.counts)
            .map(|(x, &t)| near(*x, t.into()).next().unwrap_or(x.lo))
            .collect();
        // The narrowest open count of a line that does not add up, with the
        // value that would make it add up. A line whose counts are all one
        // value adds up once settled: the others have an open count.
        let mut open: Option<(usize, i128)> = None;
        let width = |j: usize| (b[j].hi.map_or(i128::MAX, |h| h - b[j].lo), j);
        for l in self.lines {
            let lacks = guess[l.total] - l.parts.iter().map(|&p| guess[p]).sum::<i128>();
            if lacks == 0 {
                continue;
            }
            let parts = l.parts.iter().map(|&p| (p, guess[p] + lacks));
            for (j, mending) in std::iter::once((l.total, guess[l.total] - lacks)).chain(parts) {
                if !b[j].is_single() && open.is_none_or(|(k, _)| width(j) < width(k)) {
                    open = Some((j, mending));
                }
            }
        }
        let Some((j, mending)) = open else {
            return Some(guess);
        };
        for v in near(b[j], mending) {
            let mut next = b.clone();
            next[j] = Bounds::exactly(v);
            if let Some(set) = self.search(next, budget) {
                return Some(set);
            }
            if *budget == 0 {
                return None;
            }
        }
        None
    }
}

/// The values of `b` within [`SEARCH_SPREAD`] of `wanted` (moved inside
/// `b`), nearest first, below before above.
fn near(b: Bounds, wanted: i128) -> impl Iterator<Item = i128> {
    let centre = b.hi.map_or(wanted, |h| wanted.min(h)).max(b.lo);
    (0..=SEARCH_SPREAD)
        .flat_map(move |d| {
            [centre - d, centre + d]
                .into_iter()
                .take(if d == 0 { 1 } else { 2 })
        })
        .filter(move |&v| v >= b.lo && b.hi.is_none_or(|h| v <= h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Cell::{Small as S, Withheld as W};

    /// Every assignment of values the published group allows: if one
    /// hidden cell takes the same value in all of them, it is disclosed.
    fn attack(cells: &[Cell], total: u64) -> bool {
        fn walk(
            cells: &[Cell],
            total: u64,
            at: usize,
            acc: &mut Vec<u64>,
            seen: &mut Vec<std::collections::BTreeSet<u64>>,
        ) {
            if at == cells.len() {
                if acc.iter().sum::<u64>() == total {
                    for (i, v) in acc.iter().enumerate() {
                        seen[i].insert(*v);
                    }
                }
                return;
            }
            let (lo, hi) = bounds(cells[at], total);
            for v in lo..=hi.min(total) {
                acc.push(v);
                walk(cells, total, at + 1, acc, seen);
                acc.pop();
            }
        }
        let mut seen = vec![std::collections::BTreeSet::new(); cells.len()];
        walk(cells, total, 0, &mut Vec::new(), &mut seen);
        cells
            .iter()
            .zip(&seen)
            .any(|(c, s)| !matches!(c, Cell::Shown(_)) && s.len() <= 1)
    }

    #[test]
    fn small_counts_cannot_be_worked_out_by_subtraction() {
        for counts in [
            vec![15u64, 3],
            vec![12, 0, 0, 0, 0],
            vec![16, 9, 0, 0, 0],
            vec![30, 11, 4],
            vec![20, 20, 1],
            vec![10, 10, 10, 10, 10],
        ] {
            let total: u64 = counts.iter().sum();
            let cells = suppress(&counts, total).expect("protected");
            assert!(!attack(&cells, total), "{counts:?} → {cells:?}");
            for (c, n) in cells.iter().zip(&counts) {
                if *n < MIN_CELL {
                    assert_eq!(*c, Cell::Small);
                }
            }
        }
        // Nothing small: all shown.
        assert_eq!(
            suppress(&[10, 12], 22).unwrap(),
            vec![Cell::Shown(10), Cell::Shown(12)]
        );
        // Subtraction alone would give 3 away.
        assert_eq!(
            suppress(&[15, 3], 18).unwrap(),
            vec![Cell::Withheld, Cell::Small]
        );
        // Two nines and nothing else: the total gives them away; the row goes.
        assert_eq!(suppress(&[9, 9], 18), None);
    }

    fn n(v: u64) -> Cell {
        Cell::Shown(v)
    }

    fn table(cells: Vec<Vec<Cell>>, rows: Vec<Cell>, columns: Vec<Cell>, total: Cell) -> Table {
        Table {
            cells,
            row_totals: rows,
            column_totals: columns,
            total,
        }
    }

    /// The true counts of a table with its totals, entry by entry.
    fn truth(counts: &[Vec<u64>]) -> Vec<(Entry, u64)> {
        let columns = counts.first().map_or(0, Vec::len);
        let mut out = Vec::new();
        for (i, row) in counts.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                out.push((Entry::Cell { row: i, column: j }, v));
            }
            out.push((Entry::RowTotal(i), row.iter().sum()));
        }
        for j in 0..columns {
            out.push((Entry::ColumnTotal(j), counts.iter().map(|r| r[j]).sum()));
        }
        out.push((Entry::Total, counts.iter().flatten().sum()));
        out
    }

    fn at(t: &Table, e: Entry) -> Cell {
        match e {
            Entry::Cell { row, column } => t.cells[row][column],
            Entry::RowTotal(i) => t.row_totals[i],
            Entry::ColumnTotal(j) => t.column_totals[j],
            Entry::Total => t.total,
        }
    }

    fn set(t: &mut Table, e: Entry, c: Cell) {
        match e {
            Entry::Cell { row, column } => t.cells[row][column] = c,
            Entry::RowTotal(i) => t.row_totals[i] = c,
            Entry::ColumnTotal(j) => t.column_totals[j] = c,
            Entry::Total => t.total = c,
        }
    }

    /// What publishing must hold: the shape kept, every count under ten
    /// "<10" and nothing else, shown counts true, withheld ones at least
    /// ten, and nothing hidden that can be worked out.
    fn check(counts: &[Vec<u64>], t: &Table) {
        assert_eq!(t.cells.len(), counts.len());
        assert_eq!(t.row_totals.len(), counts.len());
        assert_eq!(t.column_totals.len(), counts.first().map_or(0, Vec::len));
        for (e, v) in truth(counts) {
            let c = at(t, e);
            match c {
                Cell::Shown(m) => assert_eq!(m, v, "{e:?} of {counts:?}"),
                Cell::Small => assert!(v < MIN_CELL, "{e:?} of {counts:?}"),
                Cell::Withheld => assert!(v >= MIN_CELL, "{e:?} of {counts:?}"),
            }
            assert_eq!(c == S, v < MIN_CELL, "{e:?} of {counts:?}");
        }
        assert_eq!(derivable(t), vec![], "{counts:?} → {t:?}");
    }

    #[test]
    fn a_small_cell_alone_in_its_row_takes_another_with_it() {
        let counts = vec![vec![3, 20, 30]];
        let t = suppress_table(&counts);
        check(&counts, &t);
        // The row as the one-line rule publishes it; in a table the column
        // of the withheld 20 is its own total, so that goes too.
        assert_eq!(suppress(&counts[0], 53).unwrap(), vec![S, W, n(30)]);
        assert_eq!(
            t,
            table(
                vec![vec![S, W, n(30)]],
                vec![n(53)],
                vec![S, W, n(30)],
                n(53)
            )
        );
    }

    #[test]
    fn the_complement_in_a_row_forces_another_round_in_the_columns() {
        // Withholding 20 beside the 3 leaves 20 alone in its column, and the
        // 3 alone in its own: 15 and 25 go in the next rounds.
        let counts = vec![vec![3, 20, 30], vec![15, 25, 35]];
        let t = suppress_table(&counts);
        check(&counts, &t);
        assert_eq!(
            t,
            table(
                vec![vec![S, W, n(30)], vec![W, W, n(35)]],
                vec![n(53), n(75)],
                vec![n(18), n(45), n(65)],
                n(128)
            )
        );
    }

    #[test]
    fn a_small_cell_alone_in_its_row_and_column_hides_a_block() {
        let counts = vec![vec![20, 30, 40], vec![25, 4, 35], vec![45, 50, 55]];
        let t = suppress_table(&counts);
        check(&counts, &t);
        assert_eq!(
            t.cells,
            vec![
                vec![W, W, n(40)],
                vec![W, S, n(35)],
                vec![n(45), n(50), n(55)]
            ]
        );
        assert_eq!(t.total, n(304));
    }

    #[test]
    fn rows_of_zeros_and_empty_tables() {
        // Zero reads "<10": a row of them needs a second hidden count in
        // every column.
        let counts = vec![vec![0, 0, 0], vec![12, 15, 20]];
        let t = suppress_table(&counts);
        check(&counts, &t);
        assert_eq!(t.cells[0], vec![S, S, S]);
        assert_eq!(t.row_totals[0], S);

        let counts = vec![vec![0, 0], vec![0, 0]];
        let t = suppress_table(&counts);
        check(&counts, &t);
        assert_eq!(t, table(vec![vec![S, S]; 2], vec![S; 2], vec![S; 2], S));

        // No rows: nothing but a total of zero, "<10".
        let t = suppress_table(&[]);
        assert_eq!(t, table(vec![], vec![], vec![], S));
    }

    #[test]
    fn all_cells_small() {
        // A grand total of 10 gives nothing away: the four cells can shift.
        let counts = vec![vec![1, 2], vec![3, 4]];
        let t = suppress_table(&counts);
        check(&counts, &t);
        assert_eq!(t, table(vec![vec![S, S]; 2], vec![S, S], vec![S, S], n(10)));
        // Totals of 18 say both of their "<10"s are 9; hidden, one by one,
        // until the grand total of 36 (four nines) goes too.
        let counts = vec![vec![9, 9], vec![9, 9]];
        let t = suppress_table(&counts);
        check(&counts, &t);
        assert_eq!(t, table(vec![vec![S, S]; 2], vec![W, W], vec![W, W], W));
    }

    #[test]
    fn derivable_reads_equations_and_bounds() {
        let big = |c: Cell| vec![c, n(20)];
        // One withheld count in a row: subtraction.
        let t = table(
            vec![big(W), big(W), vec![n(15), n(20)]],
            vec![n(40), n(35), n(35)],
            vec![n(50), n(60)],
            n(110),
        );
        let cell = |row, column| Entry::Cell { row, column };
        assert_eq!(derivable(&t), vec![cell(0, 0), cell(1, 0)]);
        // Two "<10"s whose row leaves 0: both are 0.
        let t = table(
            vec![vec![S, S, n(20)]],
            vec![n(20)],
            vec![S, S, n(20)],
            n(20),
        );
        assert_eq!(
            derivable(&t),
            vec![
                cell(0, 0),
                cell(0, 1),
                Entry::ColumnTotal(0),
                Entry::ColumnTotal(1)
            ]
        );
        // Two "<10"s whose row leaves 18: both are 9.
        let t = table(
            vec![vec![S, S, n(20)]],
            vec![n(38)],
            vec![S, S, n(20)],
            n(38),
        );
        assert_eq!(derivable(&t).len(), 4);
        // A "<10" beside a withheld count in a row that leaves 10: 0 and 10.
        let t = table(
            vec![vec![S, W, n(20)]],
            vec![n(30)],
            vec![S, W, n(20)],
            n(30),
        );
        assert_eq!(derivable(&t).len(), 4);
        // ... leaving 11 it could be 0 or 1.
        let t = table(
            vec![vec![S, W, n(20)]],
            vec![n(31)],
            vec![S, W, n(20)],
            n(31),
        );
        assert_eq!(derivable(&t), vec![]);
        // A table nothing could have produced gives everything away.
        let t = table(vec![vec![S, n(20)]], vec![n(5)], vec![S, n(20)], n(5));
        assert_eq!(derivable(&t).len(), 2);
    }

    #[test]
    fn two_hidden_counts_per_line_are_not_always_enough() {
        // Two blocks of withheld counts, each safe alone, joined by one
        // cell: every line has two or more hidden, yet the joining cell is
        // what the first block's rows leave over.
        let mut cells = vec![vec![n(20); 4]; 4];
        for (i, j) in [
            (0, 0),
            (0, 1),
            (1, 0),
            (1, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (3, 3),
            (1, 2),
        ] {
            cells[i][j] = W;
        }
        let t = table(cells, vec![n(80); 4], vec![n(80); 4], n(320));
        assert_eq!(derivable(&t), vec![Entry::Cell { row: 1, column: 2 }]);
    }

    /// xorshift64*: enough randomness for tests, the same on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) % n
        }

        /// Mostly small counts, many zeros, some up to `most`.
        fn count(&mut self, most: u64) -> u64 {
            match self.below(4) {
                0 => 0,
                1 | 2 => self.below(10),
                _ => 10 + self.below(most - 9),
            }
        }

        fn table(&mut self, rows: u64, columns: u64, most: u64) -> Vec<Vec<u64>> {
            let (r, c) = (1 + self.below(rows), 1 + self.below(columns));
            (0..r)
                .map(|_| (0..c).map(|_| self.count(most)).collect())
                .collect()
        }
    }

    #[test]
    fn random_tables_give_nothing_away() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut withheld = 0;
        for _ in 0..3000 {
            let counts = rng.table(6, 10, 40);
            let t = suppress_table(&counts);
            check(&counts, &t);
            withheld += truth(&counts)
                .iter()
                .filter(|(e, _)| at(&t, *e) == W)
                .count();
            // The last resort: everything hidden.
            let mut all = t.clone();
            for (e, v) in truth(&counts) {
                set(&mut all, e, if v < MIN_CELL { S } else { W });
            }
            assert_eq!(derivable(&all), vec![], "{counts:?}");
        }
        assert!(withheld > 1000, "{withheld}");
    }

    #[test]
    fn a_radar_sized_table() {
        // Nine categories by sixty months.
        let mut rng = Rng(42);
        for _ in 0..3 {
            let counts: Vec<Vec<u64>> = (0..9)
                .map(|_| (0..60).map(|_| rng.count(40)).collect())
                .collect();
            let t = suppress_table(&counts);
            check(&counts, &t);
        }
    }

    /// Tries every whole-number table within reach (each hidden cell up to
    /// `cap`) and names the hidden counts that take one value in all that
    /// agree with what is published. Exact with `cap` one above the largest
    /// true cell: if a count can move, one more or one fewer around a cycle
    /// moves it (see [`derivable`]).
    fn every_table(t: &Table, cap: u64) -> Vec<Entry> {
        let (rows, columns) = (t.cells.len(), t.column_totals.len());
        let fits = |c: Cell, v: u64| match c {
            Cell::Shown(m) => v == m,
            Cell::Small => v < MIN_CELL,
            Cell::Withheld => v >= MIN_CELL,
        };
        let mut counts: Vec<Vec<u64>> = t
            .cells
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| if let Cell::Shown(m) = c { *m } else { 0 })
                    .collect()
            })
            .collect();
        let unknown: Vec<(usize, usize)> = (0..rows)
            .flat_map(|i| (0..columns).map(move |j| (i, j)))
            .filter(|&(i, j)| !matches!(t.cells[i][j], Cell::Shown(_)))
            .collect();
        // Each entry in the order of `truth`: the first value seen, and
        // whether another was.
        let mut seen: Vec<(Option<u64>, bool)> = Vec::new();
        loop {
            let row_sums: Vec<u64> = counts.iter().map(|r| r.iter().sum()).collect();
            let fit = (0..rows).all(|i| fits(t.row_totals[i], row_sums[i]))
                && (0..columns)
                    .all(|j| fits(t.column_totals[j], counts.iter().map(|r| r[j]).sum()))
                && fits(t.total, row_sums.iter().sum())
                && unknown
                    .iter()
                    .all(|&(i, j)| fits(t.cells[i][j], counts[i][j]));
            if fit {
                let all = truth(&counts);
                seen.resize(all.len(), (None, false));
                for ((_, v), s) in all.into_iter().zip(&mut seen) {
                    match s.0 {
                        None => s.0 = Some(v),
                        Some(w) if w != v => s.1 = true,
                        Some(_) => {}
                    }
                }
            }
            // Next assignment, as an odometer.
            let Some(k) = unknown.iter().position(|&(i, j)| counts[i][j] < cap) else {
                break;
            };
            let (i, j) = unknown[k];
            counts[i][j] += 1;
            for &(i, j) in &unknown[..k] {
                counts[i][j] = 0;
            }
        }
        let mut out: Vec<Entry> = truth(&counts)
            .into_iter()
            .zip(seen)
            .filter(|((e, _), (_, moved))| !matches!(at(t, *e), Cell::Shown(_)) && !moved)
            .map(|((e, _), _)| e)
            .collect();
        out.sort();
        out
    }

    #[test]
    fn derivable_agrees_with_trying_every_table() {
        let mut rng = Rng(7);
        let (mut tried, mut disclosing) = (0, 0);
        while tried < 300 {
            let counts = rng.table(3, 3, 14);
            // Publish at random: "<10" under ten, others shown or withheld.
            let mut t = suppress_table(&counts);
            if rng.below(3) > 0 {
                for (e, v) in truth(&counts) {
                    let c = if v < MIN_CELL {
                        S
                    } else if rng.below(2) == 0 {
                        W
                    } else {
                        n(v)
                    };
                    set(&mut t, e, c);
                }
            }
            let hidden = t.cells.iter().flatten().filter(|c| **c != n(0)).count();
            let unknown = t
                .cells
                .iter()
                .flatten()
                .filter(|c| !matches!(c, Cell::Shown(_)))
                .count();
            if unknown > 4 || hidden == 0 {
                continue;
            }
            tried += 1;
            let cap = counts.iter().flatten().max().unwrap_or(&0) + 1;
            let mut found = derivable(&t);
            found.sort();
            let expected = every_table(&t, cap);
            disclosing += usize::from(!expected.is_empty());
            assert_eq!(found, expected, "{counts:?} → {t:?}");
        }
        assert!(disclosing > 50, "{disclosing}");
    }

    // -----------------------------------------------------------------------
    // Systems of lines.

    fn line(total: usize, parts: &[usize]) -> Line {
        Line {
            total,
            parts: parts.to_vec(),
        }
    }

    /// Whether a value fits what a cell tells a reader.
    fn fits(c: Cell, v: u64) -> bool {
        match c {
            Cell::Shown(m) => v == m,
            Cell::Small => v < MIN_CELL,
            Cell::Withheld => v >= MIN_CELL,
        }
    }

    /// The exhaustive attacker: every hidden count that takes one value in
    /// all the whole-number assignments agreeing with what is published
    /// ("<10" 0 to 9, withheld 10 to `cap`, standing for no bound; every
    /// line adding up), in index order; every hidden count when none
    /// agrees. Written apart from the code it checks: plain enumeration,
    /// cut short only where a line's sums can no longer meet.
    fn given_away(cells: &[Cell], lines: &[Line], cap: u64) -> Vec<usize> {
        let hidden: Vec<usize> = (0..cells.len())
            .filter(|&i| !matches!(cells[i], Cell::Shown(_)))
            .collect();
        let mut range: Vec<(u64, u64)> = cells
            .iter()
            .map(|&c| match c {
                Cell::Shown(m) => (m, m),
                Cell::Small => (0, MIN_CELL - 1),
                Cell::Withheld => (MIN_CELL, cap),
            })
            .collect();
        let in_lines: Vec<usize> = (0..cells.len())
            .filter(|&i| lines.iter().any(|l| l.counts().any(|c| c == i)))
            .collect();
        let Some(first) = assignment(&mut range, lines, &in_lines) else {
            return hidden;
        };
        // A count in no line takes every value of its range.
        let mut moved: Vec<bool> = (0..cells.len()).map(|i| !in_lines.contains(&i)).collect();
        for &i in &hidden {
            if moved[i] {
                continue;
            }
            // Another assignment with this count different: tried below
            // the first one's value, then above.
            let (lo, hi) = range[i];
            let below = (first[i] > lo).then(|| (lo, first[i] - 1));
            let above = (first[i] < hi).then(|| (first[i] + 1, hi));
            for other in [below, above].into_iter().flatten() {
                range[i] = other;
                let found = assignment(&mut range, lines, &in_lines);
                range[i] = (lo, hi);
                if let Some(a) = found {
                    for j in 0..cells.len() {
                        moved[j] |= a[j] != first[j];
                    }
                    break;
                }
            }
        }
        hidden.into_iter().filter(|&i| !moved[i]).collect()
    }

    /// The first assignment (depth first: a count a line leaves alone open
    /// worked out, else the narrowest open count of `order` tried from its
    /// lowest value) within `range` where every line adds up.
    fn assignment(range: &mut [(u64, u64)], lines: &[Line], order: &[usize]) -> Option<Vec<u64>> {
        // Each line: its parts' lowest and highest sums must reach its
        // total's range.
        let possible = lines.iter().all(|l| {
            let lo: u64 = l.parts.iter().map(|&p| range[p].0).sum();
            let hi: u64 = l.parts.iter().map(|&p| range[p].1).sum();
            lo <= range[l.total].1 && hi >= range[l.total].0
        });
        if !possible {
            return None;
        }
        // A line with one count open: the others give its value.
        let open = |c: usize| range[c].0 < range[c].1;
        let forced = lines.iter().find_map(|l| {
            let mut unknown = l.counts().filter(|&c| open(c));
            let (c, None) = (unknown.next()?, unknown.next()) else {
                return None;
            };
            let parts: u64 = l
                .parts
                .iter()
                .filter(|&&p| p != c)
                .map(|&p| range[p].0)
                .sum();
            let v = if c == l.total {
                Some(parts)
            } else {
                range[l.total].0.checked_sub(parts)
            };
            Some((c, v))
        });
        if let Some((c, v)) = forced {
            let (lo, hi) = range[c];
            let v = v.filter(|v| (lo..=hi).contains(v))?;
            range[c] = (v, v);
            let found = assignment(range, lines, order);
            range[c] = (lo, hi);
            return found;
        }
        // Else the narrowest count open is tried at each value.
        let Some(&i) = order
            .iter()
            .filter(|&&i| open(i))
            .min_by_key(|&&i| (range[i].1 - range[i].0, i))
        else {
            // Every count of a line is one value: the sums are equal.
            return Some(range.iter().map(|r| r.0).collect());
        };
        let (lo, hi) = range[i];
        for v in lo..=hi {
            range[i] = (v, v);
            let found = assignment(range, lines, order);
            range[i] = (lo, hi);
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// Everything hidden: the most a publication can hide.
    fn all_hidden(counts: &[u64]) -> Vec<Cell> {
        counts
            .iter()
            .map(|&n| if n < MIN_CELL { S } else { W })
            .collect()
    }

    /// The district of the module's example: schools A (rural, 50), B
    /// (rural, 5), C (city, 40) and D (city, 12), nobody at the district
    /// itself (counted as of no known locale).
    fn district() -> (Vec<u64>, Vec<Line>) {
        // 0 the district's total; 1–4 schools A–D; 5 at the district
        // itself; 6–10 by locale: rural, city, suburb, town, unknown.
        let counts = vec![107, 50, 5, 40, 12, 0, 55, 52, 0, 0, 0];
        let lines = vec![
            // The drill-down: each school and the district itself.
            line(0, &[1, 2, 3, 4, 5]),
            // By locale.
            line(0, &[6, 7, 8, 9, 10]),
            // A school's locale is public: each locale's count by school.
            line(6, &[1, 2]),
            line(7, &[3, 4]),
            line(10, &[5]),
        ];
        (counts, lines)
    }

    #[test]
    fn a_district_of_sixty_schools() {
        // A dashboard's size: the district's total by school and by locale,
        // and each locale's count by school, most schools under ten.
        let mut rng = Rng(3);
        let schools = 60;
        let (at_district, by_locale) = (schools + 1, schools + 2);
        let mut counts: Vec<u64> = vec![0; by_locale + 5];
        let mut lines = vec![
            line(0, &(1..=at_district).collect::<Vec<_>>()),
            line(0, &(by_locale..by_locale + 5).collect::<Vec<_>>()),
        ];
        let mut of_locale = vec![Vec::new(); 4];
        for (school, count) in counts.iter_mut().enumerate().take(at_district).skip(1) {
            *count = rng.count(80);
            of_locale[rng.below(4) as usize].push(school);
        }
        counts[at_district] = rng.below(5);
        for (k, parts) in of_locale.iter().enumerate() {
            counts[by_locale + k] = parts.iter().map(|&p| counts[p]).sum();
            lines.push(line(by_locale + k, parts));
        }
        counts[by_locale + 4] = counts[at_district];
        lines.push(line(by_locale + 4, &[at_district]));
        counts[0] = counts[1..=at_district].iter().sum();

        let cells = suppress_system(&counts, &lines);
        for (&c, &v) in cells.iter().zip(&counts) {
            assert!(fits(c, v));
            assert_eq!(c == S, v < MIN_CELL);
        }
        assert_eq!(pinned(&cells, &lines), Vec::<usize>::new());
        // Subtraction alone: no line hides exactly one count.
        for l in &lines {
            let hidden = l.counts().filter(|&c| cells[c] != n(counts[c])).count();
            assert_ne!(hidden, 1, "{l:?}");
        }
    }

    #[test]
    fn a_district_by_school_and_by_locale() {
        let (counts, lines) = district();
        let cells = suppress_system(&counts, &lines);
        assert_eq!(cells[2], S, "school B");
        assert_eq!(pinned(&cells, &lines), Vec::<usize>::new(), "{cells:?}");
        // The exhaustive attacker finds the suburban and town counts 0: no
        // school of theirs is in the drill-down, so the lines give that away
        // whatever is published (the suppressor leaves such counts be).
        assert_eq!(given_away(&cells, &lines, 60), vec![8, 9], "{cells:?}");
        // The smallest shown counts went first: the city (52) beside the
        // zeros by locale, then D, C and A beside B; the total and the
        // rural count stay.
        assert_eq!(cells, vec![n(107), W, S, W, W, S, n(55), W, S, S, S]);

        // Each line protected on its own, as `suppress` does (its total
        // shown unless under ten, or the whole line hidden where `suppress`
        // cannot protect it): a count shown in one line is known in all.
        let mut per_line: Vec<Option<Cell>> = vec![None; counts.len()];
        let mut publish = |i: usize, c: Cell| {
            per_line[i] = match (per_line[i], c) {
                (Some(Cell::Shown(v)), _) | (_, Cell::Shown(v)) => Some(Cell::Shown(v)),
                (Some(W), _) | (_, W) => Some(W),
                _ => Some(c),
            };
        };
        for l in &lines {
            let parts: Vec<u64> = l.parts.iter().map(|&p| counts[p]).collect();
            let hide = |v: u64| if v < MIN_CELL { S } else { W };
            match suppress(&parts, counts[l.total]) {
                Some(line_cells) => {
                    publish(l.total, Cell::primary(counts[l.total]));
                    for (&p, c) in l.parts.iter().zip(line_cells) {
                        publish(p, c);
                    }
                }
                None => {
                    for p in l.counts() {
                        publish(p, hide(counts[p]));
                    }
                }
            }
        }
        let per_line: Vec<Cell> = per_line.into_iter().map(|c| c.unwrap_or(S)).collect();
        // The drill-down shows A (50) and the rural line's total is 55: B
        // is 5.
        assert_eq!((per_line[1], per_line[2], per_line[6]), (n(50), S, n(55)));
        // ... and the rest follow: nobody at the district itself, and the
        // zeros by locale, since the city's line shows 52 too.
        assert_eq!(pinned(&per_line, &lines), vec![2, 5, 8, 9, 10]);
    }

    #[test]
    fn pinned_reads_every_line_a_count_is_in() {
        // One line: what `revealing` says.
        let one = [line(0, &[1, 2])];
        assert_eq!(pinned(&[n(10), W, S], &one), vec![1, 2]);
        assert_eq!(pinned(&[n(18), W, S], &one), Vec::<usize>::new());
        assert_eq!(pinned(&[n(25), W, S], &one), Vec::<usize>::new());
        // Two "<10"s making 18: both 9.
        assert_eq!(pinned(&[n(18), S, S], &one), vec![1, 2]);
        // A withheld total under two lines: the second pins it, the first
        // then pins its "<10".
        let two = [line(0, &[1, 2]), line(0, &[3, 4])];
        assert_eq!(pinned(&[W, n(20), S, n(12), n(13)], &two), vec![0, 2]);
        // Numbers that contradict each other give everything away.
        assert_eq!(pinned(&[n(5), n(20), S], &one), vec![2]);
        assert_eq!(
            pinned(&[n(50), W, W], &[line(0, &[1, 2]), line(1, &[0])]),
            vec![1, 2]
        );
    }

    #[test]
    fn a_count_the_lines_alone_give_away_is_left_as_it_is() {
        // A district with no suburban school: its suburban count is 0
        // whatever is published. Nothing more is withheld for it.
        let counts = [30, 30, 0];
        let lines = [line(0, &[1, 2]), line(2, &[])];
        assert_eq!(suppress_system(&counts, &lines), vec![n(30), n(30), S]);
    }

    #[test]
    fn propagation_alone_misses_a_line_less_another() {
        // A district of three small schools, A (3) and B (9) rural, C (2) a
        // town's: its total by school is 14, its rural count 12. Each line
        // alone hides its "<10"s, and interval propagation finds each of
        // them anywhere from 3 to 9 — but 14 less 12 is C.
        let counts = [14, 12, 3, 9, 2];
        let lines = [line(0, &[2, 3, 4]), line(1, &[2, 3])];
        let primary: Vec<Cell> = counts.iter().map(|&v| Cell::primary(v)).collect();
        assert_eq!(pinned(&primary, &lines), Vec::<usize>::new());
        assert_eq!(given_away(&primary, &lines, 40), vec![4]);
        // The search finds no other value for C, so the total goes.
        let cells = suppress_system(&counts, &lines);
        assert_eq!(cells, vec![W, n(12), S, S, S]);
        assert_eq!(given_away(&cells, &lines, 40), Vec::<usize>::new());
    }

    /// xorshift systems: a few "atoms" (people of one kind), each count
    /// the sum of some of them, and lines wherever some counts' atoms
    /// split another's. Every count 0 to 30. `None` to try again.
    fn random_system(rng: &mut Rng) -> Option<(Vec<u64>, Vec<Line>)> {
        let atoms: Vec<u64> = (0..1 + rng.below(4)).map(|_| rng.count(30)).collect();
        let n = 3 + rng.below(5) as usize;
        let full = (1u64 << atoms.len()) - 1;
        let masks: Vec<u64> = (0..n).map(|_| 1 + rng.below(full)).collect();
        let counts: Vec<u64> = masks
            .iter()
            .map(|m| {
                (0..atoms.len())
                    .filter(|a| m >> a & 1 == 1)
                    .map(|a| atoms[a])
                    .sum()
            })
            .collect();
        if counts.iter().any(|&c| c > 30) {
            return None;
        }
        let mut candidates = Vec::new();
        for t in 0..n {
            for set in 1u64..1 << n {
                let parts: Vec<usize> = (0..n).filter(|&p| set >> p & 1 == 1).collect();
                if parts.contains(&t) {
                    continue;
                }
                let union = parts.iter().fold(0, |u, &p| u | masks[p]);
                let apart =
                    parts.iter().map(|&p| masks[p].count_ones()).sum::<u32>() == union.count_ones();
                if apart && union == masks[t] {
                    candidates.push(line(t, &parts));
                }
            }
        }
        let mut lines = Vec::new();
        for _ in 0..1 + rng.below(3) {
            if candidates.is_empty() {
                break;
            }
            lines.push(candidates.swap_remove(rng.below(candidates.len() as u64) as usize));
        }
        (!lines.is_empty()).then_some((counts, lines))
    }

    #[test]
    fn random_systems_give_nothing_away() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let (mut tried, mut withheld, mut structural) = (0, 0, 0);
        while tried < 4000 {
            let Some((counts, lines)) = random_system(&mut rng) else {
                continue;
            };
            tried += 1;
            let cells = suppress_system(&counts, &lines);
            // The true counts agree with what is published (and add up, by
            // construction), so the attacker below has them among its own.
            for (&c, &v) in cells.iter().zip(&counts) {
                assert!(fits(c, v), "{counts:?} {lines:?} → {cells:?}");
                assert_eq!(c == S, v < MIN_CELL);
            }
            withheld += cells.iter().filter(|&&c| c == W).count();
            // Every hidden count takes two values among the assignments the
            // exhaustive attacker finds, but those the lines give away
            // even when everything is hidden.
            let known = given_away(&all_hidden(&counts), &lines, 40);
            structural += known.len();
            for i in given_away(&cells, &lines, 40) {
                assert!(
                    known.contains(&i),
                    "{i} of {counts:?} {lines:?} → {cells:?}"
                );
            }
            for i in pinned(&cells, &lines) {
                assert!(
                    known.contains(&i),
                    "{i} of {counts:?} {lines:?} → {cells:?}"
                );
            }
        }
        assert!(withheld > 200, "{withheld}");
        // Every count here holds some people of its own, so no line fixes
        // one whatever is published: none in 300,000 systems tried.
        assert_eq!(structural, 0);
    }

    #[test]
    fn pinned_names_only_what_is_given_away() {
        // Published at random; what propagation pins, the exhaustive
        // attacker pins too. It misses some.
        let mut rng = Rng(99);
        let (mut tried, mut missed) = (0, 0);
        while tried < 1500 {
            let Some((counts, lines)) = random_system(&mut rng) else {
                continue;
            };
            tried += 1;
            let cells: Vec<Cell> = counts
                .iter()
                .map(|&v| match (v < MIN_CELL, rng.below(2)) {
                    (true, _) => S,
                    (false, 0) => W,
                    (false, _) => n(v),
                })
                .collect();
            let found = pinned(&cells, &lines);
            let all = given_away(&cells, &lines, 40);
            for i in &found {
                assert!(all.contains(i), "{i} of {counts:?} {lines:?} → {cells:?}");
            }
            missed += usize::from(found.len() < all.len());
        }
        assert!(missed > 0, "{missed}");
    }
}
