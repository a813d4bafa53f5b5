//! `lyceum`: the one binary.

use anyhow::Context;
use clap::{Parser, Subcommand};
use lyceum_domain::Clock;
use lyceum_server::config::{Config, Secret};
use lyceum_server::{App, admin, app, demo, logging};
use std::path::PathBuf;

/// Requests allocate many small strings from many threads; mimalloc's
/// per-thread heaps beat the system allocator's locks on that (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "lyceum",
    version,
    about = "Teacher-led AI professional learning at national scale"
)]
struct Cli {
    /// A TOML configuration file (LYCEUM_* environment variables override it).
    #[arg(long, global = true, env = "LYCEUM_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (and run the job worker unless worker.enabled = false).
    Serve {
        /// Do not apply pending migrations; refuse to start if any are pending.
        #[arg(long)]
        no_migrate: bool,
    },
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Run only the job worker (emails and other background work).
    Worker,
    /// Start a demo programme on a local SQLite database and print how to sign in.
    Demo {
        /// Folder for the demo's database and outbox.
        #[arg(long, default_value = "./lyceum-data/demo")]
        data: PathBuf,
        /// Address to listen on; the next free port is taken if it is busy.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: String,
    },
    /// Fill an empty database with a synthetic programme (deterministic from --seed).
    Seed {
        #[arg(long, default_value_t = 400_000)]
        educators: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Courses in the catalogue, with everyone's learning in them (0: people only).
        #[arg(long, default_value_t = lyceum_seed::catalogue::DEFAULT_COURSES)]
        courses: usize,
        /// Also create bench-{educator,orgadmin,admin,learner}@bench.example.org, password
        /// "lyceum-bench-2026" (with courses, the learner has about 200 PD ledger entries),
        /// and bench-poster-000… (educators of the programme, to post replies).
        #[arg(long)]
        bench_accounts: bool,
        /// Leave out community activity (spaces, topics, replies, follows).
        #[arg(long)]
        no_community: bool,
        /// Leave out workshop offerings (sessions, registrations, attendance).
        #[arg(long)]
        no_workshops: bool,
        /// Leave out the practice library (practices, trial reports, resources).
        #[arg(long)]
        no_library: bool,
        /// Leave out the AI tool registry (tools, reviews, statuses) and the
        /// challenge radar (reports and their stored counts).
        #[arg(long)]
        no_radar: bool,
        /// Sign in the programme's first 20,000 educators and write their
        /// session cookies to this file, one a line, for the webinar-day
        /// benchmark (synthetic programmes only: the file is those people).
        #[arg(long)]
        webinar_cookies: Option<PathBuf>,
        /// Write the programme as OneRoster 1.2 CSV files in this folder instead.
        #[arg(long)]
        oneroster_out: Option<PathBuf>,
    },
    /// Import people and organisations from a rostering system, or a
    /// competency framework.
    Import {
        #[command(subcommand)]
        format: ImportFormat,
    },
    /// Write content out as a file another deployment can import.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Tasks for operators.
    Admin {
        #[command(subcommand)]
        task: AdminTask,
    },
}

#[derive(Subcommand)]
enum ExportWhat {
    /// A course as a course file (`lyceum-course/1`, see docs/course-format.md).
    Course {
        slug: String,
        /// A version other than the one learners start now.
        #[arg(long)]
        version: Option<i32>,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ImportFormat {
    /// OneRoster 1.2 CSV (1.1-style users.csv accepted): a folder or a zip.
    Oneroster {
        path: PathBuf,
        /// The rostering system this comes from; re-imports from it update
        /// rather than duplicate. Default: the folder's or zip's name.
        #[arg(long)]
        source: Option<String>,
        /// Where the package's top organisations go (id or exact name). Default: the programme.
        #[arg(long)]
        org: Option<String>,
        /// Check everything, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// A course file (format lyceum-course/1, see docs/course-format.md).
    /// Importing a changed file again makes a new version.
    Course {
        path: PathBuf,
        /// The organisation a new course belongs to (id or exact name): its
        /// authors, and those above it, write its next versions. Default:
        /// the programme. A course already here keeps its organisation.
        #[arg(long)]
        org: Option<String>,
        /// Check everything, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// A competency framework as a 1EdTech CASE 1.0 JSON package (CFDocument,
    /// CFItems, CFAssociations). Importing it again updates it.
    Case {
        path: PathBuf,
        /// Check everything, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum AdminTask {
    /// Create the programme, the root of the organisation tree.
    CreateProgramme {
        #[arg(long)]
        name: String,
    },
    /// Create an account with a role at an organisation; prints a link to choose a password.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// educator, facilitator, author, moderator, org-admin, programme-admin or researcher.
        #[arg(long)]
        role: String,
        /// The organisation's id or exact name.
        #[arg(long)]
        org: String,
    },
    /// Re-encrypt stored secrets (sign-in providers' client secrets) with the
    /// current key of `[secrets]`, once every server has it; then the keys in
    /// `previous_keys`/`previous_key_files` can be dropped.
    RotateSecrets,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut config = Config::load(cli.config.as_deref()).map_err(anyhow::Error::msg)?;
    if let Command::Demo { data, listen } = &cli.command {
        config.database.url = Secret::new(format!("sqlite://{}", data.join("demo.db").display()));
        config.mail.outbox = data.join("outbox");
        config.server.listen = free_listen_address(listen).await?;
        config.server.public_url = None;
    }
    let settings = config.settings().map_err(anyhow::Error::msg)?;
    logging::init(&config.log.format, &config.log.level);
    let clock = Clock::system();
    match cli.command {
        Command::Serve { no_migrate } => {
            let mut settings = settings;
            settings.migrate_on_start = settings.migrate_on_start && !no_migrate;
            let app = App::start(settings, clock).await?;
            tracing::info!(address = %app.addr, url = %app.public_url, "lyceum is serving");
            app.run_until_signal().await
        }
        Command::Migrate => {
            app::open_database(&settings, true).await?;
            println!("The database is up to date.");
            Ok(())
        }
        Command::Worker => {
            let db = app::open_database(&settings, false).await?;
            // Alone, the worker knows the public address only if it is configured.
            let public_url = Some(settings.web.public_url.trim_end_matches('/').to_string())
                .filter(|u| !u.is_empty());
            let worker = app::worker(&settings, db, clock, Default::default(), public_url)?;
            let (tx, rx) = tokio::sync::watch::channel(false);
            let task = tokio::spawn(worker.run(rx));
            app::shutdown_signal().await;
            let _ = tx.send(true);
            task.await?;
            Ok(())
        }
        Command::Demo { data, .. } => {
            let outbox = settings.mail.outbox.clone();
            let db = app::open_database(&settings, true).await?;
            let info = demo::seed(&db, &clock).await?;
            let app = App::start_with_db(settings, db, clock).await?;
            print_demo(&app, &info, &data, &outbox);
            app.run_until_signal().await
        }
        Command::Seed {
            educators,
            seed,
            courses,
            bench_accounts,
            no_community,
            no_workshops,
            no_library,
            no_radar,
            webinar_cookies,
            oneroster_out,
        } => {
            let started = std::time::Instant::now();
            let programme = lyceum_seed::generate(lyceum_seed::Params { educators, seed });
            if let Some(dir) = oneroster_out {
                lyceum_seed::to_oneroster::write(&programme, &dir)
                    .with_context(|| format!("writing {}", dir.display()))?;
                println!(
                    "Wrote {} organisations and {} people as OneRoster 1.2 CSV to {} in {:.1} s.",
                    programme.orgs.len(),
                    programme.people.len(),
                    dir.display(),
                    started.elapsed().as_secs_f64()
                );
                return Ok(());
            }
            let db = app::open_database(&settings, true).await?;
            let bench = if bench_accounts {
                let hash = tokio::task::spawn_blocking(|| {
                    lyceum_domain::password::hash_password(lyceum_seed::BENCH_PASSWORD)
                })
                .await?
                .map_err(anyhow::Error::msg)?;
                Some(lyceum_seed::to_db::BenchAccounts {
                    password_hash: hash,
                })
            } else {
                None
            };
            let parts = lyceum_seed::to_db::Parts {
                learning: (courses > 0).then_some(lyceum_seed::to_db::Learning { courses, seed }),
                community: (!no_community).then_some(lyceum_seed::to_db::Community { seed }),
                workshops: (!no_workshops).then_some(lyceum_seed::to_db::Workshops { seed }),
                library: (!no_library).then_some(lyceum_seed::to_db::Library { seed }),
                radar: (!no_radar).then_some(lyceum_seed::to_db::Radar { seed }),
            };
            let webinar = webinar_cookies.is_some().then(|| programme.clone());
            let written =
                lyceum_seed::to_db::write_all(&db, programme, bench, parts, clock.now()).await?;
            if let (Some(file), Some(programme)) = (&webinar_cookies, &webinar) {
                let cookies =
                    lyceum_seed::to_db::webinar_sessions(&db, programme, &written, clock.now())
                        .await?;
                std::fs::write(file, cookies.join("\n") + "\n")
                    .with_context(|| format!("writing {}", file.display()))?;
                println!(
                    "Webinar day: {} sessions written to {}",
                    cookies.len(),
                    file.display()
                );
            }
            println!(
                "Seeded {} organisations and {} people in {:.1} s.",
                written.orgs,
                written.people,
                started.elapsed().as_secs_f64()
            );
            if let Some(l) = &written.learning {
                println!(
                    "Learning ({:.1} s of that): {} courses; {} enrolments, {} completed; \
                     {} lessons finished; {} quiz attempts; {} PD ledger entries; {} certificates.",
                    l.seconds,
                    l.courses,
                    l.enrolments,
                    l.completed,
                    l.lessons_finished,
                    l.quiz_attempts,
                    l.ledger_entries,
                    l.certificates
                );
            }
            println!(
                "Largest district or local: {}; largest school: {}.",
                written.largest_body, written.largest_school
            );
            for (email, role, org) in &written.bench {
                println!("  {role:<16} {email} (organisation {org})");
            }
            if let Some((email, entries)) = written
                .learning
                .as_ref()
                .and_then(|l| l.bench_transcript.as_ref())
            {
                println!("Transcript with {entries} PD ledger entries: {email}");
            }
            if let Some((slug, key)) = written
                .learning
                .as_ref()
                .and_then(|l| l.bench_course.as_ref())
            {
                println!(
                    "Course page: /courses/{slug}; lesson page: /courses/{slug}/lessons/{key} \
                     (bench-educator is enrolled, stopped at this lesson's quiz)"
                );
            }
            if written.bench_posters > 0 {
                println!(
                    "Reply posters: {} accounts, bench-poster-000@bench.example.org to \
                     bench-poster-{:03}@bench.example.org",
                    written.bench_posters,
                    written.bench_posters - 1
                );
            }
            if let Some(l) = &written.library {
                println!(
                    "Practice library ({:.1} s of that): {} practices ({} published), {} trial reports, {} resources; \
                     practice with {} reports: /practices/{}; search word: {}",
                    l.seconds,
                    l.practices,
                    l.published,
                    l.reports,
                    l.resources,
                    lyceum_seed::library::BENCH_REPORTS,
                    l.bench_practice
                        .map_or_else(|| "none".to_string(), |id| id.to_string()),
                    l.search_word
                );
            }
            if let Some(r) = &written.radar {
                println!(
                    "Tool registry and radar ({:.1} s of that): {} tools, {} reviews, {} statuses; \
                     {} challenge reports, {} stored counts; most reviewed tool: /tools/{}",
                    r.seconds,
                    r.tools,
                    r.reviews,
                    r.statuses,
                    r.reports,
                    r.counts,
                    r.bench_tool
                        .map_or_else(|| "none".to_string(), |id| id.to_string()),
                );
            }
            if let Some(w) = &written.workshops {
                println!(
                    "Workshops ({:.1} s of that): {} offerings; {} sessions; {} registrations; \
                     {} attendance marks; {} PD ledger entries.",
                    w.seconds, w.offerings, w.sessions, w.registrations, w.attendance, w.credited
                );
                println!(
                    "Webinar offerings: {} ({} seats each, open to everyone signed in)",
                    w.webinars
                        .iter()
                        .map(i64::to_string)
                        .collect::<Vec<_>>()
                        .join(","),
                    lyceum_seed::workshops::WEBINAR_SEATS
                );
                if let Some((id, registrations)) = w.bench_offering {
                    println!(
                        "Offering page: /offerings/{id} ({registrations} registrations; \
                         bench-educator holds a seat)"
                    );
                }
            }
            if let Some(k) = &written.community {
                println!(
                    "Community ({:.1} s of that): {} spaces; {} topics; {} replies; {} follows; \
                     {} accepted answers; {} notifications; {} reactions; {} topic tags.",
                    k.seconds,
                    k.spaces,
                    k.topics,
                    k.replies,
                    k.follows,
                    k.accepted,
                    k.notifications,
                    k.reactions,
                    k.tags
                );
                println!(
                    "Space page: /spaces/{} ({} topics); topic page: /topics/{} ({} replies); \
                     reply topic: /topics/{} ({} replies) (open to everyone signed in)",
                    k.busiest_space.0,
                    k.busiest_space.1,
                    k.long_topic.0,
                    k.long_topic.1,
                    k.reply_topic.0,
                    k.reply_topic.1
                );
                println!(
                    "Community search: rare word: {} ({} posts); common word: {} ({} posts) \
                     of {} posts",
                    k.rare.0,
                    k.rare.1,
                    k.common.0,
                    k.common.1,
                    k.topics + k.replies
                );
            }
            Ok(())
        }
        Command::Import {
            format:
                ImportFormat::Oneroster {
                    path,
                    source,
                    org,
                    dry_run,
                },
        } => {
            let db = app::open_database(&settings, true).await?;
            let source = match source {
                Some(s) => s,
                None => lyceum_server::import::source_name(&path)?,
            };
            let org = match org {
                Some(o) => o,
                None => db
                    .read(lyceum_db::orgs::root)
                    .await?
                    .map(|r| r.id.to_string())
                    .context(
                        "there is no programme yet: run `lyceum admin create-programme` first",
                    )?,
            };
            let progress = lyceum_server::import::Progress::default();
            let bar = indicatif::ProgressBar::new(0).with_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {msg} [{bar:30}] {pos}/{len} records ({elapsed})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message(if dry_run { "Checking" } else { "Importing" });
            let watch = {
                let (bar, progress) = (bar.clone(), progress.clone());
                tokio::spawn(async move {
                    loop {
                        bar.set_length(
                            progress.total.load(std::sync::atomic::Ordering::Relaxed) as u64
                        );
                        bar.set_position(
                            progress.done.load(std::sync::atomic::Ordering::Relaxed) as u64
                        );
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    }
                })
            };
            let result =
                lyceum_server::import::run(&db, &clock, &path, source, &org, dry_run, progress)
                    .await;
            watch.abort();
            bar.finish_and_clear();
            match result {
                Ok(outcome) => {
                    lyceum_server::import::print_summary(&outcome);
                    Ok(())
                }
                Err(lyceum_server::import::Refused::Problems(problems)) => {
                    for p in &problems {
                        eprintln!("{p}");
                    }
                    anyhow::bail!(
                        "the roster was not imported: {} problem(s) to fix first. Nothing was changed.",
                        problems.len()
                    )
                }
                Err(lyceum_server::import::Refused::Other(e)) => Err(e),
            }
        }
        Command::Import {
            format: ImportFormat::Case { path, dry_run },
        } => {
            let db = app::open_database(&settings, true).await?;
            let said = lyceum_server::content::import_case(&db, &clock, &path, dry_run).await?;
            println!("{said}");
            Ok(())
        }
        Command::Export {
            what: ExportWhat::Course { slug, version, out },
        } => {
            let db = app::open_database(&settings, true).await?;
            let json = lyceum_server::content::export_course(&db, &slug, version).await?;
            match out {
                Some(path) => std::fs::write(&path, json)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => print!("{json}"),
            }
            Ok(())
        }
        Command::Import {
            format: ImportFormat::Course { path, org, dry_run },
        } => {
            let db = app::open_database(&settings, true).await?;
            let said = lyceum_server::content::import_course_to(
                &db,
                &clock,
                &path,
                org.as_deref(),
                dry_run,
            )
            .await?;
            println!("{said}");
            Ok(())
        }
        Command::Admin { task } => {
            let db = app::open_database(&settings, true).await?;
            match task {
                AdminTask::CreateProgramme { name } => {
                    let root = admin::create_programme(&db, &clock, &name).await?;
                    println!(
                        "Created the programme {:?} (organisation id {}).",
                        root.name, root.id
                    );
                }
                AdminTask::CreateUser {
                    email,
                    name,
                    role,
                    org,
                } => {
                    let public = match settings.web.public_url.as_str() {
                        "" => format!("http://{}", settings.listen),
                        url => url.to_string(),
                    };
                    let u = admin::create_user(&db, &clock, &public, &email, &name, &role, &org)
                        .await?;
                    println!(
                        "{} is now {} at {}.\nSend them this link to choose a password (it works once, for 7 days):\n{}",
                        u.email, u.role, u.org_name, u.setup_link
                    );
                }
                AdminTask::RotateSecrets => {
                    let keys = lyceum_server::secrets::keyring(&settings)?;
                    let done = lyceum_server::secrets::seal_stored(&db, &keys, true).await?;
                    println!(
                        "Encrypted with key {}: {} secrets re-encrypted, {} that were in plain text.",
                        keys.current_id(),
                        done.rotated,
                        done.sealed
                    );
                }
            }
            Ok(())
        }
    }
}

/// The requested address, or the next free port after it.
async fn free_listen_address(wanted: &str) -> anyhow::Result<String> {
    let addr: std::net::SocketAddr = wanted
        .parse()
        .with_context(|| format!("--listen {wanted:?}"))?;
    for port in addr.port()..addr.port().saturating_add(20) {
        let candidate = std::net::SocketAddr::new(addr.ip(), port);
        if tokio::net::TcpListener::bind(candidate).await.is_ok() {
            return Ok(candidate.to_string());
        }
    }
    Ok(std::net::SocketAddr::new(addr.ip(), 0).to_string())
}

fn print_demo(app: &App, info: &demo::DemoInfo, data: &std::path::Path, outbox: &std::path::Path) {
    println!();
    println!("Lyceum demo is running at {}", app.public_url);
    println!();
    println!(
        "Sign in with any of these accounts; the password of each is {}",
        demo::DEMO_PASSWORD
    );
    for (role, email) in &info.accounts {
        println!("  {:<16} {email}", role.as_str());
    }
    if !info.join_code.is_empty() {
        println!();
        println!(
            "Join code of the Albuquerque Teachers Federation (new at each start; \
             the one before no longer works): {}",
            info.join_code
        );
        println!("Anyone may also register with an address at columbus.example.org.");
    }
    println!();
    println!(
        "Data: {} ({}). Emails are written to {}",
        data.display(),
        if info.created { "new" } else { "reused" },
        outbox.display()
    );
    println!("Press Ctrl+C to stop.");
}
