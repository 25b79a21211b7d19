//! Double Metaphone (Lawrence Philips, 2000), following the rules of his
//! original C++ implementation, codes truncated to 4 chars.

use super::text::{gcb, push_nfkd, Gcb};

/// Maximum code length, as in the original implementation.
const MAX: usize = 4;

struct Dm {
    /// Uppercased word followed by 5 spaces of padding (the original pads
    /// the same way, and some rules look at the padding).
    w: Vec<char>,
    /// Length of the word without padding.
    len: usize,
    primary: String,
    secondary: String,
    slavo_germanic: bool,
}

impl Dm {
    /// The char at `i`, `'\0'` outside the padded word.
    #[inline]
    fn get(&self, i: isize) -> char {
        if i < 0 {
            '\0'
        } else {
            self.w.get(i as usize).copied().unwrap_or('\0')
        }
    }

    /// Whether the padded word has one of `pats` (all of one length) at `i`.
    fn at(&self, i: isize, pats: &[&str]) -> bool {
        if i < 0 {
            return false;
        }
        let i = i as usize;
        pats.iter().any(|p| {
            let n = p.len();
            i + n <= self.w.len() && self.w[i..i + n].iter().zip(p.bytes()).all(|(&c, b)| c == b as char)
        })
    }

    #[inline]
    fn vowel(&self, i: isize) -> bool {
        i >= 0 && (i as usize) < self.len && matches!(self.w[i as usize], 'A' | 'E' | 'I' | 'O' | 'U' | 'Y')
    }

    /// Appends `s` to both codes.
    #[inline]
    fn add(&mut self, s: &str) {
        self.primary.push_str(s);
        self.secondary.push_str(s);
    }

    /// Appends `main` to the primary and `alt` to the alternate code.
    #[inline]
    fn add2(&mut self, main: &str, alt: &str) {
        self.primary.push_str(main);
        self.secondary.push_str(alt);
    }
}

/// Prepares the word: Unicode uppercase; `Ç` and `Ñ` (precomposed or as
/// `C`/`N` + combining cedilla/tilde) are kept, as the original handles them;
/// other letters are decomposed by our NFKD table and combining marks
/// (grapheme Extend chars) are dropped.
fn prepare(s: &str) -> Vec<char> {
    let mut up = Vec::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_ascii() {
            up.push(c.to_ascii_uppercase());
            continue;
        }
        for u in c.to_uppercase() {
            match u {
                'Ç' | 'Ñ' => up.push(u),
                '\u{327}' if up.last() == Some(&'C') => *up.last_mut().unwrap_or(&mut 'C') = 'Ç',
                '\u{303}' if up.last() == Some(&'N') => *up.last_mut().unwrap_or(&mut 'N') = 'Ñ',
                _ => {
                    let from = up.len();
                    push_nfkd(u, &mut up);
                    let mut j = from;
                    while j < up.len() {
                        let d = up[j];
                        if d == '\u{327}' && j > 0 && up[j - 1] == 'C' {
                            up[j - 1] = 'Ç';
                            up.remove(j);
                        } else if d == '\u{303}' && j > 0 && up[j - 1] == 'N' {
                            up[j - 1] = 'Ñ';
                            up.remove(j);
                        } else if !d.is_ascii() && gcb(d) == Gcb::Extend {
                            up.remove(j);
                        } else {
                            j += 1;
                        }
                    }
                }
            }
        }
    }
    up
}

/// Double Metaphone codes of `s`: `(primary, alternate)`, each at most 4
/// ASCII chars from `A-Z` and `0` (for "th").
///
/// The alternate code is built alongside the primary one and equals it when
/// no rule offered an alternative pronunciation (the original C++ convention,
/// also followed by Apache commons-codec). Empty input, or input without any
/// encodable letter, gives `("", "")`. A code may be empty while the other is
/// not (e.g. a rule that only contributes to one of them).
///
/// Non-ASCII: see the module docs (`Ç` -> `S`, `Ñ` -> `N`, Latin letters with
/// diacritics count as their base letter, other chars are skipped but still
/// occupy a position, like unknown chars in the original).
pub fn double_metaphone(s: &str) -> (String, String) {
    let w = prepare(s);
    let len = w.len();
    if len == 0 {
        return (String::new(), String::new());
    }
    let slavo_germanic = {
        let has = |p: &[char]| w.windows(p.len()).any(|x| x == p);
        w.contains(&'W') || w.contains(&'K') || has(&['C', 'Z']) || has(&['W', 'I', 'T', 'Z'])
    };
    let mut w = w;
    w.extend([' '; 5]);
    let mut d = Dm {
        w,
        len,
        primary: String::with_capacity(8),
        secondary: String::with_capacity(8),
        slavo_germanic,
    };
    let last = len as isize - 1;
    let mut cur: isize = 0;

    if d.at(0, &["GN", "KN", "PN", "WR", "PS"]) {
        cur += 1;
    }
    if d.get(0) == 'X' {
        d.add("S");
        cur += 1;
    }

    while d.primary.len() < MAX || d.secondary.len() < MAX {
        if cur >= len as isize {
            break;
        }
        match d.get(cur) {
            'A' | 'E' | 'I' | 'O' | 'U' | 'Y' => {
                if cur == 0 {
                    d.add("A");
                }
                cur += 1;
            }
            'B' => {
                d.add("P");
                cur += if d.get(cur + 1) == 'B' { 2 } else { 1 };
            }
            'Ç' => {
                d.add("S");
                cur += 1;
            }
            'C' => cur = d.c(cur),
            'D' => {
                if d.at(cur, &["DG"]) {
                    if d.at(cur + 2, &["I", "E", "Y"]) {
                        d.add("J");
                        cur += 3;
                    } else {
                        d.add("TK");
                        cur += 2;
                    }
                } else if d.at(cur, &["DT", "DD"]) {
                    d.add("T");
                    cur += 2;
                } else {
                    d.add("T");
                    cur += 1;
                }
            }
            'F' => {
                cur += if d.get(cur + 1) == 'F' { 2 } else { 1 };
                d.add("F");
            }
            'G' => cur = d.g(cur),
            'H' => {
                if (cur == 0 || d.vowel(cur - 1)) && d.vowel(cur + 1) {
                    d.add("H");
                    cur += 2;
                } else {
                    cur += 1;
                }
            }
            'J' => cur = d.j(cur, last),
            'K' => {
                cur += if d.get(cur + 1) == 'K' { 2 } else { 1 };
                d.add("K");
            }
            'L' => {
                if d.get(cur + 1) == 'L' {
                    if (cur == len as isize - 3 && d.at(cur - 1, &["ILLO", "ILLA", "ALLE"]))
                        || ((d.at(last - 1, &["AS", "OS"]) || d.at(last, &["A", "O"]))
                            && d.at(cur - 1, &["ALLE"]))
                    {
                        d.add2("L", "");
                        cur += 2;
                        continue;
                    }
                    cur += 2;
                } else {
                    cur += 1;
                }
                d.add("L");
            }
            'M' => {
                if (d.at(cur - 1, &["UMB"]) && (cur + 1 == last || d.at(cur + 2, &["ER"])))
                    || d.get(cur + 1) == 'M'
                {
                    cur += 2;
                } else {
                    cur += 1;
                }
                d.add("M");
            }
            'N' => {
                cur += if d.get(cur + 1) == 'N' { 2 } else { 1 };
                d.add("N");
            }
            'Ñ' => {
                cur += 1;
                d.add("N");
            }
            'P' => {
                if d.get(cur + 1) == 'H' {
                    d.add("F");
                    cur += 2;
                } else {
                    cur += if d.at(cur + 1, &["P", "B"]) { 2 } else { 1 };
                    d.add("P");
                }
            }
            'Q' => {
                cur += if d.get(cur + 1) == 'Q' { 2 } else { 1 };
                d.add("K");
            }
            'R' => {
                if cur == last
                    && !d.slavo_germanic
                    && d.at(cur - 2, &["IE"])
                    && !d.at(cur - 4, &["ME", "MA"])
                {
                    d.add2("", "R");
                } else {
                    d.add("R");
                }
                cur += if d.get(cur + 1) == 'R' { 2 } else { 1 };
            }
            'S' => cur = d.s(cur, last),
            'T' => {
                if d.at(cur, &["TION"]) || d.at(cur, &["TIA", "TCH"]) {
                    d.add("X");
                    cur += 3;
                } else if d.at(cur, &["TH"]) || d.at(cur, &["TTH"]) {
                    if d.at(cur + 2, &["OM", "AM"]) || d.at(0, &["VAN ", "VON "]) || d.at(0, &["SCH"]) {
                        d.add("T");
                    } else {
                        d.add2("0", "T");
                    }
                    cur += 2;
                } else {
                    cur += if d.at(cur + 1, &["T", "D"]) { 2 } else { 1 };
                    d.add("T");
                }
            }
            'V' => {
                cur += if d.get(cur + 1) == 'V' { 2 } else { 1 };
                d.add("F");
            }
            'W' => {
                if d.at(cur, &["WR"]) {
                    d.add("R");
                    cur += 2;
                    continue;
                }
                if cur == 0 && (d.vowel(cur + 1) || d.at(cur, &["WH"])) {
                    if d.vowel(cur + 1) {
                        d.add2("A", "F");
                    } else {
                        d.add("A");
                    }
                }
                if (cur == last && d.vowel(cur - 1))
                    || d.at(cur - 1, &["EWSKI", "EWSKY", "OWSKI", "OWSKY"])
                    || d.at(0, &["SCH"])
                {
                    d.add2("", "F");
                    cur += 1;
                } else if d.at(cur, &["WICZ", "WITZ"]) {
                    d.add2("TS", "FX");
                    cur += 4;
                } else {
                    cur += 1;
                }
            }
            'X' => {
                if !(cur == last && (d.at(cur - 3, &["IAU", "EAU"]) || d.at(cur - 2, &["AU", "OU"]))) {
                    d.add("KS");
                }
                cur += if d.at(cur + 1, &["C", "X"]) { 2 } else { 1 };
            }
            'Z' => {
                if d.get(cur + 1) == 'H' {
                    d.add("J");
                    cur += 2;
                } else {
                    if d.at(cur + 1, &["ZO", "ZI", "ZA"])
                        || (d.slavo_germanic && cur > 0 && d.get(cur - 1) != 'T')
                    {
                        d.add2("S", "TS");
                    } else {
                        d.add("S");
                    }
                    cur += if d.get(cur + 1) == 'Z' { 2 } else { 1 };
                }
            }
            _ => cur += 1,
        }
    }
    d.primary.truncate(MAX);
    d.secondary.truncate(MAX);
    (d.primary, d.secondary)
}

impl Dm {
    /// Rules for `C` at `cur`; returns the next position.
    fn c(&mut self, cur: isize) -> isize {
        // Various Germanic.
        if cur > 1
            && !self.vowel(cur - 2)
            && self.at(cur - 1, &["ACH"])
            && self.get(cur + 2) != 'I'
            && (self.get(cur + 2) != 'E' || self.at(cur - 2, &["BACHER", "MACHER"]))
        {
            self.add("K");
            return cur + 2;
        }
        // 'caesar'
        if cur == 0 && self.at(cur, &["CAESAR"]) {
            self.add("S");
            return cur + 2;
        }
        // Italian 'chianti'
        if self.at(cur, &["CHIA"]) {
            self.add("K");
            return cur + 2;
        }
        if self.at(cur, &["CH"]) {
            // 'michael'
            if cur > 0 && self.at(cur, &["CHAE"]) {
                self.add2("K", "X");
                return cur + 2;
            }
            // Greek roots, e.g. 'chemistry', 'chorus'
            if cur == 0
                && (self.at(cur + 1, &["HARAC", "HARIS"]) || self.at(cur + 1, &["HOR", "HYM", "HIA", "HEM"]))
                && !self.at(0, &["CHORE"])
            {
                self.add("K");
                return cur + 2;
            }
            // Germanic, Greek, or otherwise 'ch' for 'kh' sound.
            if (self.at(0, &["VAN ", "VON "]) || self.at(0, &["SCH"]))
                || self.at(cur - 2, &["ORCHES", "ARCHIT", "ORCHID"])
                || self.at(cur + 2, &["T", "S"])
                || ((self.at(cur - 1, &["A", "O", "U", "E"]) || cur == 0)
                    && self.at(cur + 2, &["L", "R", "N", "M", "B", "H", "F", "V", "W", " "]))
            {
                self.add("K");
            } else if cur > 0 {
                if self.at(0, &["MC"]) {
                    self.add("K");
                } else {
                    self.add2("X", "K");
                }
            } else {
                self.add("X");
            }
            return cur + 2;
        }
        // 'czerny'
        if self.at(cur, &["CZ"]) && !self.at(cur - 2, &["WICZ"]) {
            self.add2("S", "X");
            return cur + 2;
        }
        // 'focaccia'
        if self.at(cur + 1, &["CIA"]) {
            self.add("X");
            return cur + 3;
        }
        // Double 'C', but not if e.g. 'McClellan'.
        if self.at(cur, &["CC"]) && !(cur == 1 && self.get(0) == 'M') {
            // 'bellocchio' but not 'bacchus'
            if self.at(cur + 2, &["I", "E", "H"]) && !self.at(cur + 2, &["HU"]) {
                // 'accident', 'accede', 'succeed'
                if (cur == 1 && self.get(cur - 1) == 'A') || self.at(cur - 1, &["UCCEE", "UCCES"]) {
                    self.add("KS");
                } else {
                    // 'bacci', 'bertucci', other Italian
                    self.add("X");
                }
                return cur + 3;
            }
            // Pierce's rule
            self.add("K");
            return cur + 2;
        }
        if self.at(cur, &["CK", "CG", "CQ"]) {
            self.add("K");
            return cur + 2;
        }
        if self.at(cur, &["CI", "CE", "CY"]) {
            // Italian vs. English
            if self.at(cur, &["CIO", "CIE", "CIA"]) {
                self.add2("S", "X");
            } else {
                self.add("S");
            }
            return cur + 2;
        }
        self.add("K");
        // 'mac caffrey', 'mac gregor'
        if self.at(cur + 1, &[" C", " Q", " G"]) {
            cur + 3
        } else if self.at(cur + 1, &["C", "K", "Q"]) && !self.at(cur + 1, &["CE", "CI"]) {
            cur + 2
        } else {
            cur + 1
        }
    }

    /// Rules for `G` at `cur`; returns the next position.
    fn g(&mut self, cur: isize) -> isize {
        if self.get(cur + 1) == 'H' {
            if cur > 0 && !self.vowel(cur - 1) {
                self.add("K");
                return cur + 2;
            }
            // 'ghislane', 'ghiradelli'
            if cur == 0 {
                if self.get(cur + 2) == 'I' {
                    self.add("J");
                } else {
                    self.add("K");
                }
                return cur + 2;
            }
            // Parker's rule (with refinements), e.g. 'hugh', 'bough', 'broughton'
            if (cur > 1 && self.at(cur - 2, &["B", "H", "D"]))
                || (cur > 2 && self.at(cur - 3, &["B", "H", "D"]))
                || (cur > 3 && self.at(cur - 4, &["B", "H"]))
            {
                return cur + 2;
            }
            // 'laugh', 'McLaughlin', 'cough', 'gough', 'rough', 'tough'
            if cur > 2 && self.get(cur - 1) == 'U' && self.at(cur - 3, &["C", "G", "L", "R", "T"]) {
                self.add("F");
            } else if cur > 0 && self.get(cur - 1) != 'I' {
                self.add("K");
            }
            return cur + 2;
        }
        if self.get(cur + 1) == 'N' {
            if cur == 1 && self.vowel(0) && !self.slavo_germanic {
                self.add2("KN", "N");
            } else if !self.at(cur + 2, &["EY"]) && self.get(cur + 1) != 'Y' && !self.slavo_germanic {
                // not e.g. 'cagney'
                self.add2("N", "KN");
            } else {
                self.add("KN");
            }
            return cur + 2;
        }
        // 'tagliaro'
        if self.at(cur + 1, &["LI"]) && !self.slavo_germanic {
            self.add2("KL", "L");
            return cur + 2;
        }
        // -ges-, -gep-, -gel-, -gie- at beginning
        if cur == 0
            && (self.get(cur + 1) == 'Y'
                || self.at(cur + 1, &["ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"]))
        {
            self.add2("K", "J");
            return cur + 2;
        }
        // -ger-, -gy-
        if (self.at(cur + 1, &["ER"]) || self.get(cur + 1) == 'Y')
            && !self.at(0, &["DANGER", "RANGER", "MANGER"])
            && !self.at(cur - 1, &["E", "I"])
            && !self.at(cur - 1, &["RGY", "OGY"])
        {
            self.add2("K", "J");
            return cur + 2;
        }
        // Italian, e.g. 'biaggi'
        if self.at(cur + 1, &["E", "I", "Y"]) || self.at(cur - 1, &["AGGI", "OGGI"]) {
            if self.at(0, &["VAN ", "VON "]) || self.at(0, &["SCH"]) || self.at(cur + 1, &["ET"]) {
                // obvious Germanic
                self.add("K");
            } else if self.at(cur + 1, &["IER "]) {
                // always soft if French ending
                self.add("J");
            } else {
                self.add2("J", "K");
            }
            return cur + 2;
        }
        self.add("K");
        if self.get(cur + 1) == 'G' {
            cur + 2
        } else {
            cur + 1
        }
    }

    /// Rules for `J` at `cur`; returns the next position.
    fn j(&mut self, cur: isize, last: isize) -> isize {
        // Obvious Spanish, 'jose', 'san jacinto'
        if self.at(cur, &["JOSE"]) || self.at(0, &["SAN "]) {
            if (cur == 0 && self.get(cur + 4) == ' ') || self.at(0, &["SAN "]) {
                self.add("H");
            } else {
                self.add2("J", "H");
            }
            return cur + 1;
        }
        if cur == 0 && !self.at(cur, &["JOSE"]) {
            // Yankelovich / Jankelowicz
            self.add2("J", "A");
        } else if self.vowel(cur - 1)
            && !self.slavo_germanic
            && (self.get(cur + 1) == 'A' || self.get(cur + 1) == 'O')
        {
            // Spanish pronunciation of e.g. 'bajador'
            self.add2("J", "H");
        } else if cur == last {
            self.add2("J", "");
        } else if !self.at(cur + 1, &["L", "T", "K", "S", "N", "M", "B", "Z"])
            && !self.at(cur - 1, &["S", "K", "L"])
        {
            self.add("J");
        }
        if self.get(cur + 1) == 'J' {
            cur + 2
        } else {
            cur + 1
        }
    }

    /// Rules for `S` at `cur`; returns the next position.
    fn s(&mut self, cur: isize, last: isize) -> isize {
        // 'island', 'isle', 'carlisle', 'carlysle'
        if self.at(cur - 1, &["ISL", "YSL"]) {
            return cur + 1;
        }
        // 'sugar-'
        if cur == 0 && self.at(cur, &["SUGAR"]) {
            self.add2("X", "S");
            return cur + 1;
        }
        if self.at(cur, &["SH"]) {
            // Germanic
            if self.at(cur + 1, &["HEIM", "HOEK", "HOLM", "HOLZ"]) {
                self.add("S");
            } else {
                self.add("X");
            }
            return cur + 2;
        }
        // Italian & Armenian
        if self.at(cur, &["SIO", "SIA"]) || self.at(cur, &["SIAN"]) {
            if !self.slavo_germanic {
                self.add2("S", "X");
            } else {
                self.add("S");
            }
            return cur + 3;
        }
        // German & anglicisations, e.g. 'smith' ~ 'schmidt', 'snider' ~
        // 'schneider'; also -sz- in Slavic languages.
        if (cur == 0 && self.at(cur + 1, &["M", "N", "L", "W"])) || self.at(cur + 1, &["Z"]) {
            self.add2("S", "X");
            return if self.at(cur + 1, &["Z"]) { cur + 2 } else { cur + 1 };
        }
        if self.at(cur, &["SC"]) {
            // Schlesinger's rule
            if self.get(cur + 2) == 'H' {
                // Dutch origin, e.g. 'school', 'schooner'
                if self.at(cur + 3, &["OO", "ER", "EN", "UY", "ED", "EM"]) {
                    // 'schermerhorn', 'schenker'
                    if self.at(cur + 3, &["ER", "EN"]) {
                        self.add2("X", "SK");
                    } else {
                        self.add("SK");
                    }
                    return cur + 3;
                }
                if cur == 0 && !self.vowel(3) && self.get(3) != 'W' {
                    self.add2("X", "S");
                } else {
                    self.add("X");
                }
                return cur + 3;
            }
            if self.at(cur + 2, &["I", "E", "Y"]) {
                self.add("S");
                return cur + 3;
            }
            self.add("SK");
            return cur + 3;
        }
        // French, e.g. 'resnais', 'artois'
        if cur == last && self.at(cur - 2, &["AI", "OI"]) {
            self.add2("", "S");
        } else {
            self.add("S");
        }
        if self.at(cur + 1, &["S", "Z"]) {
            cur + 2
        } else {
            cur + 1
        }
    }
}
