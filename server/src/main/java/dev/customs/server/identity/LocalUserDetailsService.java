package dev.customs.server.identity;

import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Local users for HTTP Basic and the login form. */
@Service
public class LocalUserDetailsService implements UserDetailsService {
  private final UserRepository users;

  public LocalUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount user = users.findByUsername(username)
        .orElseThrow(() -> new UsernameNotFoundException("no local user " + username));
    return User.withUsername(user.username())
        .password(user.passwordHash())
        .authorities(List.of(user.role().authority()))
        .disabled(!user.enabled())
        .build();
  }
}
