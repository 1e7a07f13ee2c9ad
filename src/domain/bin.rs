use super::FieldError;

/// A Kazakh business identification number (БИН / БСН): 12 digits whose last digit is the
/// control digit of the national algorithm (weights 1..11, then 3..11,1,2 when the first pass
/// gives 10; a second 10 means the number cannot be valid).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bin(String);

impl Bin {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if value.is_empty() {
            return Err("field.required");
        }
        if value.len() != 12 || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err("field.bin_format");
        }
        let digits: Vec<u32> = value.bytes().map(|b| u32::from(b - b'0')).collect();
        match control_digit(&digits[..11]) {
            Some(check) if check == digits[11] => Ok(Bin(value)),
            _ => Err("field.bin_checksum"),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn control_digit(first11: &[u32]) -> Option<u32> {
    let weighted = |weights: &mut dyn Iterator<Item = u32>| -> u32 {
        first11.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11
    };
    let first = weighted(&mut (1..=11));
    if first != 10 {
        return Some(first);
    }
    let second = weighted(&mut (3..=11).chain(1..=2));
    (second != 10).then_some(second)
}

/// Completes an 11-digit prefix into a valid BIN (demo data and tests).
pub fn complete(prefix11: &str) -> Option<Bin> {
    let digits: Vec<u32> = prefix11
        .bytes()
        .map(|b| u32::from(b.wrapping_sub(b'0')))
        .collect();
    if digits.len() != 11 || digits.iter().any(|d| *d > 9) {
        return None;
    }
    control_digit(&digits).map(|c| Bin(format!("{prefix11}{c}")))
}

impl Bin {
    /// See [`complete`].
    pub fn complete(prefix11: &str) -> Option<Bin> {
        complete(prefix11)
    }
}

#[cfg(test)]
mod tests {
    use super::Bin;

    #[test]
    fn validates_check_digit() {
        let bin = Bin::complete("08014000123").unwrap();
        assert_eq!(Bin::parse(bin.as_str()).unwrap(), bin);
        let last = bin.as_str().as_bytes()[11] - b'0';
        let wrong = format!("{}{}", &bin.as_str()[..11], (last + 1) % 10);
        assert_eq!(Bin::parse(&wrong), Err("field.bin_checksum"));
        assert_eq!(Bin::parse("12345"), Err("field.bin_format"));
        assert_eq!(Bin::parse("12345678901a"), Err("field.bin_format"));
        assert_eq!(Bin::parse(""), Err("field.required"));
    }

    #[test]
    fn second_pass_weights() {
        // 11 digits whose first weighted sum is 10 (mod 11) use the second weights.
        let prefix = (0..100_000u32)
            .map(|n| format!("{n:011}"))
            .find(|p| {
                let d: Vec<u32> = p.bytes().map(|b| u32::from(b - b'0')).collect();
                d.iter().zip(1..=11).map(|(d, w)| d * w).sum::<u32>() % 11 == 10
            })
            .unwrap();
        if let Some(bin) = Bin::complete(&prefix) {
            let d: Vec<u32> = bin.as_str().bytes().map(|b| u32::from(b - b'0')).collect();
            let w = (3..=11).chain(1..=2);
            assert_eq!(
                d[..11].iter().zip(w).map(|(d, w)| d * w).sum::<u32>() % 11,
                d[11]
            );
        }
    }
}
