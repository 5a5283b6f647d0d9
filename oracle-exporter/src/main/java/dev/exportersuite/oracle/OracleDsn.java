package dev.exportersuite.oracle;

import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.InputText;
import dev.exportersuite.core.endpoint.InvalidAddressException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oracledb_exporter's {@code DATA_SOURCE_NAME}, read by a strict grammar and never pasted into a URL: the JDBC URL
 * is written from the parsed hosts and service, and the user, password and role go to the driver as connection
 * properties. The forms, and the rule for special characters (README "DSN rules"):
 *
 * <pre>
 * oracle://user:password@host[:port][,host2[:port]]/service[?option=value&amp;...]   (any scheme, as go-ora)
 * user/password@[//]host[:port][,host2[:port]]/service[?option=value&amp;...]
 * user/password@(DESCRIPTION=...)
 * any of them followed by " as sysdba" (or another administrative privilege)
 * </pre>
 *
 * <ul>
 *   <li>the credentials end at the <b>last</b> {@code @}; the user ends at the <b>first</b> {@code :} (URL form)
 *       or {@code /} (the other forms). Everything between is the password, whatever characters it holds:
 *       {@code @ / ? # : % &} and spaces included;
 *   <li>the user and the password are each percent-decoded when every {@code %} in them starts a valid
 *       {@code %XX} escape (and the result is UTF-8), else taken as written; so {@code p%40ss} is {@code p@ss},
 *       and {@code 50%off} is itself. A raw password that contains {@code %} and two hex digits must be written
 *       with {@code %25} for that {@code %}. {@code +} is a plus;
 *   <li>in the non-URL forms a password in double quotes is taken as written, without decoding;
 *   <li>the port defaults to 1521; more hosts come as {@code h1:1521,h2:1521} or {@code ?server=h2:1521};
 *   <li>a user named SYS logs on as SYSDBA unless another privilege is given.
 * </ul>
 *
 * @param user the database user, decoded
 * @param password decoded; kept out of {@link #toString()}
 * @param role the administrative privilege, if any
 * @param hosts the listener addresses (for a descriptor: those in it)
 * @param service the service name, or the SID when {@code sid} is set
 * @param sid true when {@code service} is a SID
 * @param descriptor a full connect descriptor, when the DSN gave one
 * @param options the DSN's options
 */
record OracleDsn(String user, String password, Optional<AdminRole> role, List<HostPort> hosts, String service,
    boolean sid, Optional<ConnectDescriptor> descriptor, DsnOptions options) {

  static final int DEFAULT_PORT = 1521;
  /** Far beyond any real DSN; a bound so that a stray file cannot be read as one. */
  static final int MAX_LENGTH = 8192;
  static final int MAX_HOSTS = 16;

  /** A URL scheme, as Go's url.Parse reads one. */
  static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");
  private static final Pattern AS_ROLE = Pattern.compile("(?i)\\s+as\\s+([A-Za-z]+)$");

  OracleDsn {
    hosts = List.copyOf(hosts);
  }

  /**
   * @throws IllegalArgumentException with a one-line reason that never repeats the credentials
   */
  static OracleDsn parse(String input) {
    return parse(input, Optional.empty());
  }

  /**
   * @param tnsAdmin the directory of a tnsnames.ora ({@code TNS_ADMIN}), where {@code user/password@ALIAS} is
   *     looked up
   * @throws IllegalArgumentException with a one-line reason that never repeats the credentials
   */
  static OracleDsn parse(String input, Optional<Path> tnsAdmin) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("the DSN is empty; write oracle://user:password@host:1521/service");
    }
    if (input.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the DSN is longer than " + MAX_LENGTH + " characters");
    }
    String text = input.strip();
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new IllegalArgumentException("the DSN holds a control character (a line break?) at position "
            + (i + 1));
      }
    }
    Optional<AdminRole> suffixRole = Optional.empty();
    Matcher as = AS_ROLE.matcher(text);
    if (as.find()) {
      suffixRole = Optional.of(AdminRole.parse(as.group(1)));
      text = text.substring(0, as.start());
    }
    // go-ora does not check the scheme, and users' files carry typos such as oralce://: any scheme is read as
    // oracle:// (OracleFlags logs a note when it is not that).
    Matcher scheme = SCHEME.matcher(text);
    boolean url = scheme.lookingAt();
    String rest = url ? text.substring(scheme.end()) : text;
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException(url
          ? "no user and password: write oracle://user:password@host:1521/service (this exporter has no OS "
              + "authentication)"
          : "not a DSN: write oracle://user:password@host:1521/service or user/password@host:1521/service");
    }
    String credentials = rest.substring(0, at);
    String address = rest.substring(at + 1);
    char separator = url ? ':' : '/';
    int split = credentials.indexOf(separator);
    if (split < 0) {
      throw new IllegalArgumentException("no password: put it after the user and a '" + separator + "'"
          + (url ? " (oracle://user:password@...)" : " (user/password@...)"));
    }
    String user = checkUser(PercentDecoding.decodeIfEncoded(credentials.substring(0, split)));
    String password = password(credentials.substring(split + 1), url);
    Target target = address.startsWith("(") ? descriptor(address)
        : !url && tnsAdmin.isPresent() && TnsNames.isAlias(address) ? alias(tnsAdmin.get(), address)
        : addresses(address, url);
    DsnOptions options = target.options;
    Optional<AdminRole> role = role(suffixRole, options.role(), user);
    if (target.descriptor.isPresent()) {
      ConnectDescriptor d = target.descriptor.get();
      return new OracleDsn(user, password, role, d.addresses(), d.service(), false, target.descriptor, options);
    }
    return new OracleDsn(user, password, role, target.hosts, target.service, options.sid().isPresent(),
        Optional.empty(), options);
  }

  /**
   * A connection given in parts, as Oracle's exporter's config file gives it: user and password as written
   * (nothing decoded: they are not in a URL), and {@code url} as {@code [//]host[:port][,host...]/service[?options]}
   * or a {@code (DESCRIPTION=...)}.
   *
   * @throws IllegalArgumentException with a one-line reason that never repeats the credentials
   */
  static OracleDsn fromParts(String user, String password, Optional<AdminRole> role, String url) {
    return fromParts(user, password, role, url, Optional.empty());
  }

  /** As {@link #fromParts(String, String, Optional, String)}, with {@code url} an alias of tnsAdmin's tnsnames.ora. */
  static OracleDsn fromParts(String user, String password, Optional<AdminRole> role, String url,
      Optional<Path> tnsAdmin) {
    if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("url: write host:1521/service or a (DESCRIPTION=...) of at most "
          + MAX_LENGTH + " characters");
    }
    String u = url.strip();
    for (int i = 0; i < u.length(); i++) {
      if (Character.isISOControl(u.charAt(i))) {
        throw new IllegalArgumentException("url: a control character at position " + (i + 1));
      }
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("no password: set password or passwordFile (this exporter has no "
          + "external authentication)");
    }
    if (password.length() > 1024) {
      throw new IllegalArgumentException("the password is longer than 1024 characters");
    }
    String checkedUser = checkUser(user == null ? "" : user);
    Target target = u.startsWith("(") ? descriptor(u)
        : tnsAdmin.isPresent() && TnsNames.isAlias(u) ? alias(tnsAdmin.get(), u)
        : addresses(u, false);
    Optional<AdminRole> r = role(role, target.options.role(), checkedUser);
    if (target.descriptor.isPresent()) {
      ConnectDescriptor d = target.descriptor.get();
      return new OracleDsn(checkedUser, password, r, d.addresses(), d.service(), false, target.descriptor,
          target.options);
    }
    return new OracleDsn(checkedUser, password, r, target.hosts, target.service,
        target.options.sid().isPresent(), Optional.empty(), target.options);
  }

  private record Target(List<HostPort> hosts, String service, Optional<ConnectDescriptor> descriptor,
      DsnOptions options) {}

  private static Target descriptor(String address) {
    return new Target(List.of(), "", Optional.of(ConnectDescriptor.parse(address)), DsnOptions.NONE);
  }

  private static Target alias(Path tnsAdmin, String alias) {
    return new Target(List.of(), "", Optional.of(TnsNames.read(tnsAdmin).descriptor(alias)), DsnOptions.NONE);
  }

  /** {@code [//]host[:port][,host[:port]...]/service[?options]}. */
  private static Target addresses(String address, boolean url) {
    String a = !url && address.startsWith("//") ? address.substring(2) : address;
    int q = a.indexOf('?');
    DsnOptions options = q < 0 ? DsnOptions.NONE : DsnOptions.parse(a.substring(q + 1));
    String path = q < 0 ? a : a.substring(0, q);
    int slash = path.indexOf('/');
    String hostList = slash < 0 ? path : path.substring(0, slash);
    Optional<String> pathService = slash < 0 ? Optional.empty() : Optional.of(path.substring(slash + 1));
    if (hostList.isEmpty()) {
      throw new IllegalArgumentException("no host after the '@'");
    }
    if (pathService.isEmpty() && options.sid().isEmpty() && options.serviceName().isEmpty()) {
      if (!url && hostList.indexOf(':') < 0 && hostList.indexOf(',') < 0 && hostList.indexOf('.') < 0) {
        throw new IllegalArgumentException("a TNS alias needs a tnsnames.ora: set TNS_ADMIN (or tnsAdmin in a "
            + "databases: file) to its directory, or write host:port/service or a (DESCRIPTION=...)");
      }
      throw new IllegalArgumentException("no service name: write host:port/service (or ?sid=ORCL)");
    }
    if (pathService.isPresent() && (options.sid().isPresent() || options.serviceName().isPresent())) {
      throw new IllegalArgumentException("the service is given twice: in the path and as a DSN option");
    }
    String service = pathService.or(options::serviceName).or(options::sid).orElseThrow();
    if (!DsnOptions.SERVICE.matcher(service).matches()) {
      throw new IllegalArgumentException("the service name " + InputText.quote(service)
          + " is not 1 to 128 of A-Z a-z 0-9 . _ $ # -");
    }
    List<HostPort> hosts = new ArrayList<>();
    for (String h : hostList.split(",", -1)) {
      try {
        hosts.add(HostPort.parse(h.strip(), DEFAULT_PORT));
      } catch (InvalidAddressException e) {
        throw new IllegalArgumentException("host: " + e.getMessage());
      }
    }
    hosts.addAll(options.servers());
    if (hosts.size() > MAX_HOSTS) {
      throw new IllegalArgumentException("more than " + MAX_HOSTS + " hosts");
    }
    return new Target(hosts, service, Optional.empty(), options);
  }

  private static String checkUser(String user) {
    if (user.isEmpty()) {
      throw new IllegalArgumentException("the user is empty");
    }
    if (user.length() > 128) {
      throw new IllegalArgumentException("the user is longer than 128 characters");
    }
    return user;
  }

  private static String password(String raw, boolean url) {
    String p = !url && raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
        ? raw.substring(1, raw.length() - 1)
        : PercentDecoding.decodeIfEncoded(raw);
    if (p.isEmpty()) {
      throw new IllegalArgumentException("the password is empty");
    }
    if (p.length() > 1024) {
      throw new IllegalArgumentException("the password is longer than 1024 characters");
    }
    return p;
  }

  /** One privilege from the suffix, the options or the user SYS; two different ones are a mistake. */
  private static Optional<AdminRole> role(Optional<AdminRole> suffix, Optional<AdminRole> option, String user) {
    if (suffix.isPresent() && option.isPresent() && suffix.get() != option.get()) {
      throw new IllegalArgumentException("two administrative privileges: '" + suffix.get() + "' and '"
          + option.get() + "'");
    }
    Optional<AdminRole> given = suffix.or(() -> option);
    if (given.isEmpty() && user.toUpperCase(Locale.ROOT).equals("SYS")) {
      return Optional.of(AdminRole.SYSDBA);
    }
    return given;
  }

  /** The thin driver's URL: EZConnect for one plain host, else a descriptor; never any credential. */
  String jdbcUrl() {
    if (descriptor.isPresent()) {
      return "jdbc:oracle:thin:@" + descriptor.get().text();
    }
    if (hosts.size() == 1 && !sid && !options.ssl()) {
      return "jdbc:oracle:thin:@//" + hosts.get(0).authority() + "/" + service;
    }
    StringBuilder sb = new StringBuilder("jdbc:oracle:thin:@(DESCRIPTION=");
    if (hosts.size() > 1) {
      sb.append("(ADDRESS_LIST=(FAILOVER=ON)(LOAD_BALANCE=OFF)");
    }
    for (HostPort h : hosts) {
      sb.append("(ADDRESS=(PROTOCOL=").append(options.ssl() ? "TCPS" : "TCP").append(")(HOST=").append(h.host())
          .append(")(PORT=").append(h.port()).append("))");
    }
    if (hosts.size() > 1) {
      sb.append(')');
    }
    sb.append("(CONNECT_DATA=(").append(sid ? "SID" : "SERVICE_NAME").append('=').append(service).append(")))");
    return sb.toString();
  }

  /** {@code host:port/service as user}, for the start log and {@code --check-config}. */
  String describe() {
    HostPort first = hosts.get(0);
    String where = first.authority() + (sid ? ":" : "/") + service;
    if (hosts.size() > 1) {
      where += " (+" + (hosts.size() - 1) + " more host" + (hosts.size() > 2 ? "s" : "") + ")";
    }
    if (descriptor.isPresent()) {
      where += " (connect descriptor)";
    }
    return where + " as " + user + role.map(r -> " (" + r + ")").orElse("");
  }

  @Override
  public String toString() {
    return "OracleDsn[" + describe() + ", password=***, options=" + options + "]";
  }
}
