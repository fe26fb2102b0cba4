"""The gallery's toy auth as a Bokeh auth module: the user is the `user` cookie, a login
page at /login and logging out at /logout (their answers are rokeh's business, not compared)."""
from tornado.web import RequestHandler


def get_user(request_handler):
    return request_handler.get_cookie("user") or None


login_url = "/login"


class LoginHandler(RequestHandler):
    def get(self):
        self.write("log in")


logout_url = "/logout"
