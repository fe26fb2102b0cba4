//! A load balancer for the tests, as HAProxy with backup servers: each connection goes
//! to the first backend that accepts it, so a page whose server died reconnects to the
//! next one. Bytes are copied both ways; a backend that goes away takes its
//! connections with it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};

pub struct Balancer {
    pub port: u16,
    backends: Arc<Mutex<Vec<u16>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Balancer {
    /// Listens on a free loopback port; backends are set with [`Balancer::send_to`].
    pub async fn start() -> Balancer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let port = listener.local_addr().unwrap().port();
        let backends = Arc::new(Mutex::new(Vec::new()));
        let order = backends.clone();
        let task = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let order: Vec<u16> = order.lock().unwrap().clone();
                tokio::spawn(async move {
                    for port in order {
                        let connect = TcpStream::connect(("127.0.0.1", port));
                        if let Ok(Ok(mut server)) =
                            tokio::time::timeout(Duration::from_secs(1), connect).await
                        {
                            let _ = server.set_nodelay(true);
                            let _ = client.set_nodelay(true);
                            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                            return;
                        }
                    }
                });
            }
        });
        Balancer {
            port,
            backends,
            task,
        }
    }

    /// The servers (by port) connections go to, the first that accepts.
    pub fn send_to(&self, ports: &[u16]) {
        *self.backends.lock().unwrap() = ports.to_vec();
    }

    pub fn origin(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn http(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
