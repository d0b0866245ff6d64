//! The CAMEO code table: names, quad classes and Goldstein values, from
//! GDELT's lookup files (repaired; `data/cameo.tsv`).

use std::collections::HashMap;

const CAMEO: &str = include_str!("../../../data/cameo.tsv");

/// A CAMEO code with its name and Goldstein value.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
}

impl CameoCode {
    /// Two-digit root code.
    pub fn root(&self) -> &str {
        &self.code[..2.min(self.code.len())]
    }

    /// 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    /// 3 verbal conflict (09-13), 4 material conflict (14-20).
    pub fn quad_class(&self) -> u32 {
        match self.root().parse::<u32>().unwrap_or(0) {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        }
    }
}

/// The CAMEO code table (GDELT's lookup files, repaired).
pub struct CameoTable {
    codes: HashMap<String, CameoCode>,
}

impl CameoTable {
    pub fn bundled() -> Self {
        Self::parse(CAMEO)
    }

    pub fn parse(text: &str) -> Self {
        let codes = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                let code = fields.next()?.to_owned();
                let goldstein = fields.next()?.parse().ok()?;
                let name = fields.next()?.to_owned();
                Some((
                    code.clone(),
                    CameoCode {
                        code,
                        name,
                        goldstein,
                    },
                ))
            })
            .collect();
        Self { codes }
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_quad_classes() {
        let table = CameoTable::bundled();
        assert!(table.len() > 300);
        let meet = table.get("040").expect("040 exists");
        assert_eq!(
            (meet.root(), meet.quad_class(), meet.goldstein),
            ("04", 1, 1.0)
        );
        assert_eq!(table.get("125").map(CameoCode::quad_class), Some(3));
        assert_eq!(table.get("190").map(CameoCode::quad_class), Some(4));
        assert_eq!(table.get("057").map(CameoCode::quad_class), Some(1));
        assert_eq!(table.get("070").map(CameoCode::quad_class), Some(2));
    }
}
