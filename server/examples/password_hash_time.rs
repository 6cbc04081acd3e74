//! How long one log-in's password check takes, alone and under a burst.
//! `cargo run --release -p server --example password_hash_time`

use app::auth::password::PasswordHasher;
use std::time::Instant;

#[tokio::main]
async fn main() {
    let hasher = PasswordHasher::default();
    let stored = hasher.hash("tre gröna äpplen i Kalmar").await.expect("hash");

    let mut single = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        assert!(hasher.verify("tre gröna äpplen i Kalmar", &stored).await.expect("verify"));
        single.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    single.sort_by(f64::total_cmp);
    println!("one verify: median {:.1} ms, max {:.1} ms (20 runs)", single[10], single[19]);

    // 100 log-ins at once: the permits queue them instead of piling onto the cores.
    let start = Instant::now();
    let burst: Vec<_> = (0..100)
        .map(|_| {
            let (hasher, stored) = (hasher.clone(), stored.clone());
            tokio::spawn(async move { hasher.verify("fel lösenord", &stored).await.expect("verify") })
        })
        .collect();
    for task in burst {
        assert!(!task.await.expect("task"));
    }
    let total = start.elapsed().as_secs_f64();
    println!("100 concurrent verifies: {:.2} s in all, {:.0} per second", total, 100.0 / total);
}
