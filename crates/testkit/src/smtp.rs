//! A small SMTP server for tests: the one outside boundary we double. It
//! speaks the protocol lettre speaks (EHLO, MAIL, RCPT, DATA, QUIT) and can be
//! told to refuse mail for a while, as a real server that is down would.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

#[derive(Clone)]
pub struct SmtpServer {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
    refusing: Arc<AtomicBool>,
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server = SmtpServer {
            addr: listener.local_addr().unwrap(),
            received: Arc::default(),
            refusing: Arc::default(),
        };
        let s = server.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let s = s.clone();
                tokio::spawn(async move { s.session(socket).await });
            }
        });
        server
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// While true, mail is refused with a temporary error (421).
    pub fn refuse(&self, refusing: bool) {
        self.refusing.store(refusing, Ordering::SeqCst);
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    async fn session(&self, socket: tokio::net::TcpStream) {
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        let reply = async |w: &mut tokio::net::tcp::OwnedWriteHalf, text: &str| {
            w.write_all(format!("{text}\r\n").as_bytes()).await.is_ok()
        };
        if !reply(&mut write, "220 test.invalid ESMTP").await {
            return;
        }
        let mut current = Received {
            from: String::new(),
            to: Vec::new(),
            data: String::new(),
        };
        while let Ok(Some(line)) = lines.next_line().await {
            let upper = line.to_ascii_uppercase();
            let answer = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                "250-test.invalid\r\n250 8BITMIME".to_string()
            } else if upper.starts_with("MAIL FROM:") {
                if self.refusing.load(Ordering::SeqCst) {
                    "421 4.3.2 service not available, try later".to_string()
                } else {
                    current = Received {
                        from: line[10..].trim().to_string(),
                        to: Vec::new(),
                        data: String::new(),
                    };
                    "250 OK".to_string()
                }
            } else if upper.starts_with("RCPT TO:") {
                current
                    .to
                    .push(line[8..].trim().trim_matches(['<', '>']).to_string());
                "250 OK".to_string()
            } else if upper == "DATA" {
                if !reply(&mut write, "354 end with <CRLF>.<CRLF>").await {
                    return;
                }
                let mut data = String::new();
                while let Ok(Some(l)) = lines.next_line().await {
                    if l == "." {
                        break;
                    }
                    data.push_str(l.strip_prefix('.').unwrap_or(&l));
                    data.push('\n');
                }
                current.data = data;
                self.received.lock().unwrap().push(current.clone());
                "250 OK queued".to_string()
            } else if upper == "QUIT" {
                let _ = reply(&mut write, "221 bye").await;
                return;
            } else if upper == "RSET" || upper == "NOOP" {
                "250 OK".to_string()
            } else {
                "502 command not implemented".to_string()
            };
            if !reply(&mut write, &answer).await {
                return;
            }
        }
    }
}
