//! A real SMTP server for tests (mailin-embedded on loopback) that keeps what it receives.
//! It can be started late on a port chosen early, to play "the mail server was down".

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailin_embedded::{Handler, Response, Server, SslConfig, response};

/// One received message: its recipients and its decoded text.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub subject: String,
    /// The plain-text part, decoded.
    pub text: String,
    /// The HTML part, decoded.
    pub html: String,
    /// The `List-Unsubscribe` header, if any.
    pub list_unsubscribe: Option<String>,
}

#[derive(Clone)]
struct Collector {
    inbox: Arc<Mutex<Vec<ReceivedMail>>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Collector {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let Ok(parsed) = mailparse::parse_mail(&self.data) else {
            return response::INTERNAL_ERROR;
        };
        let part = |mime: &str| {
            parsed
                .subparts
                .iter()
                .find(|p| p.ctype.mimetype == mime)
                .and_then(|p| p.get_body().ok())
                .unwrap_or_default()
        };
        let header = |name: &str| {
            parsed
                .headers
                .iter()
                .find(|h| h.get_key().eq_ignore_ascii_case(name))
                .map(|h| h.get_value())
        };
        let subject = header("subject").unwrap_or_default();
        let mail = ReceivedMail {
            to: self.to.clone(),
            subject,
            text: part("text/plain"),
            html: part("text/html"),
            list_unsubscribe: header("list-unsubscribe"),
        };
        self.inbox.lock().unwrap().push(mail);
        response::OK
    }
}

pub struct SmtpServer {
    pub port: u16,
    inbox: Arc<Mutex<Vec<ReceivedMail>>>,
}

impl SmtpServer {
    /// A port nothing listens on (yet).
    pub fn free_port() -> u16 {
        TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port()
    }

    pub fn start() -> Self {
        Self::start_on(Self::free_port())
    }

    /// Serves on `port` (on its own threads, for the rest of the test process).
    pub fn start_on(port: u16) -> Self {
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let handler = Collector {
            inbox: inbox.clone(),
            to: Vec::new(),
            data: Vec::new(),
        };
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the SMTP port");
        let mut server = Server::new(handler);
        server
            .with_name("smtp.test")
            .with_ssl(SslConfig::None)
            .expect("no TLS")
            .with_num_threads(2)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            if let Err(error) = server.serve() {
                eprintln!("test SMTP server stopped: {error}");
            }
        });
        Self { port, inbox }
    }

    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.inbox.lock().unwrap().clone()
    }

    /// Waits up to 20 s for a message whose subject contains `needle`.
    pub async fn wait_for(&self, needle: &str) -> ReceivedMail {
        for _ in 0..200 {
            if let Some(mail) = self
                .messages()
                .into_iter()
                .find(|m| m.subject.contains(needle))
            {
                return mail;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no email about {needle:?}; got {:#?}", self.messages());
    }
}
