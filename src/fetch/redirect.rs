//! Redirects, followed by hand so each hop is checked like the first: at most
//! [`MAX_REDIRECTS`], never in a loop, never to another scheme than http or https.

use url::Url;

use super::FetchError;
use super::address::check_scheme;

/// Most redirects followed for one fetch.
pub const MAX_REDIRECTS: usize = 5;

/// The URLs one fetch has visited.
#[derive(Debug)]
pub struct Hops {
    current: Url,
    /// The URLs before the current one.
    earlier: Vec<Url>,
}

impl Hops {
    pub fn new(first: Url) -> Hops {
        Hops {
            current: first,
            earlier: Vec::new(),
        }
    }

    /// The URL being fetched now.
    pub fn current(&self) -> &Url {
        &self.current
    }

    /// Moves to the target of a redirect's `Location` (relative to the current URL).
    pub fn follow(&mut self, location: &str) -> Result<&Url, FetchError> {
        let next = self
            .current()
            .join(location.trim())
            .map_err(|error| FetchError::BadUrl(error.to_string()))?;
        check_scheme(&next)?;
        if next == self.current || self.earlier.contains(&next) {
            return Err(FetchError::RedirectLoop);
        }
        if self.earlier.len() >= MAX_REDIRECTS {
            return Err(FetchError::TooManyRedirects(MAX_REDIRECTS));
        }
        self.earlier
            .push(std::mem::replace(&mut self.current, next));
        Ok(&self.current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hops() -> Hops {
        Hops::new(Url::parse("https://example.org/feed").unwrap())
    }

    #[test]
    fn follows_relative_locations() {
        let mut hops = hops();
        assert_eq!(
            hops.follow("/new/feed.xml").unwrap().as_str(),
            "https://example.org/new/feed.xml"
        );
    }

    #[test]
    fn refuses_other_schemes_loops_and_long_chains() {
        assert!(matches!(
            hops().follow("file:///etc/passwd"),
            Err(FetchError::Scheme(_))
        ));
        let mut looping = hops();
        looping.follow("/a").unwrap();
        assert!(matches!(
            looping.follow("/feed"),
            Err(FetchError::RedirectLoop)
        ));
        let mut long = hops();
        for step in 0..MAX_REDIRECTS {
            long.follow(&format!("/{step}")).unwrap();
        }
        assert!(matches!(
            long.follow("/last"),
            Err(FetchError::TooManyRedirects(MAX_REDIRECTS))
        ));
    }
}
