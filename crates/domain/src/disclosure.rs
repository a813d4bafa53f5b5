//! Small-cell suppression: counts shown outside the programme team.
//!
//! The rule (issues 20 and 21): outside the programme team every count under
//! [`MIN_CELL`] shows as "<10", and no published total lets a hidden count be
//! worked out; where one could be, more counts are withheld (complementary
//! suppression).
//!
//! What a reader learns from each published count, and so what [`revealing`]
//! and [`derivable`] assume an attacker knows:
//! - `Shown(n)`: the count is `n`;
//! - `Small` ("<10"): the count is 0 to 9. Zero is a count under ten and reads
//!   "<10" like the rest: a printed zero would narrow its neighbours;
//! - `Withheld` ("suppressed"): the count is 10 or more, since a smaller one
//!   would read "<10". The rendering tells the two apart, so that is
//!   information, and the audit counts it.
//!
//! Totals are counts too: in a [`Table`] a row's, a column's or the grand
//! total under ten reads "<10", and a total may be withheld like a cell.

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
}
